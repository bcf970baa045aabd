package org.makerspace.api.lab.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.projections.access.AccessHistory;
import org.makerspace.projections.access.AccessProjection;
import org.makerspace.projections.access.FindMachineAccessList;
import org.makerspace.projections.access.MachineAccessList;
import org.makerspace.projections.catalog.CatalogProjection;
import org.makerspace.projections.catalog.FindLab;
import org.makerspace.projections.catalog.FindLabs;
import org.makerspace.projections.catalog.FindMachine;
import org.makerspace.projections.catalog.LabList;
import org.makerspace.projections.catalog.LabView;
import org.makerspace.projections.catalog.MachineView;
import org.makerspace.projections.usage.FindMachineUsage;
import org.makerspace.projections.usage.MachineUsage;
import org.makerspace.projections.usage.UsageProjection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading labs and machines. A lab's profile, machines and badges are public (it is the issuer of public badges); its
 * trainers are shown to its own staff only.
 */
@RestController
@Tag(name = "labs")
class LabReadController {

    private final CatalogProjection catalog;
    private final AccessProjection access;
    private final AccessHistory history;
    private final UsageProjection usage;
    private final Clock clock;

    LabReadController(CatalogProjection catalog, AccessProjection access, AccessHistory history, UsageProjection usage,
                      Clock clock) {
        this.catalog = catalog;
        this.access = access;
        this.history = history;
        this.usage = usage;
        this.clock = clock;
    }

    @Operation(summary = "Every lab (public; trainers left out)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/api/labs")
    LabList labs() {
        return new LabList(catalog.find(new FindLabs()).labs().stream().map(LabReadController::publicView).toList());
    }

    @Operation(summary = "A lab (public; its trainers only for its staff)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/api/labs/{labId}")
    LabView lab(@PathVariable String labId) {
        LabView lab = catalog.find(new FindLab(LabId.of(labId)));
        if (lab == null) {
            throw NotFound.of("lab", labId);
        }
        return isStaffOf(labId) ? lab : publicView(lab);
    }

    @Operation(summary = "A machine (staff of its lab)")
    @OpenTo(AccessRule.LAB_STAFF)
    @GetMapping("/api/machines/{machineId}")
    MachineView machine(@PathVariable String machineId, Caller caller) {
        MachineView machine = machineOrNotFound(machineId);
        caller.requireLabStaff(machine.labId().toString());
        return machine;
    }

    /** Months as {@code 2026-03}, both included; by default the last twelve months, this one included. */
    @Operation(summary = "How much the machine was used, month by month (UTC): sessions, members, minutes, energy "
                         + "(staff of its lab)")
    @OpenTo(AccessRule.LAB_STAFF)
    @GetMapping("/api/machines/{machineId}/usage")
    MachineUsage usage(@PathVariable String machineId, @RequestParam(required = false) YearMonth from,
                       @RequestParam(required = false) YearMonth to, Caller caller) {
        MachineView machine = machineOrNotFound(machineId);
        caller.requireLabStaff(machine.labId().toString());
        YearMonth last = to != null ? to : YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC));
        YearMonth first = from != null ? from : last.minusMonths(11);
        return usage.find(new FindMachineUsage(machine.labId(), MachineId.of(machineId), first, last));
    }

    /**
     * Now (no {@code at}): from the live model, in memory. A past {@code at}: recomputed from the ledger as it was then
     * (every fact that had happened by {@code at}, by its business time, whenever it was recorded), never from today's
     * state, at a cost that grows with the ledger: for audits. A future {@code at}: today's state evaluated then
     * (expiries, not changes to come).
     */
    @Operation(summary = "Who may use the machine now, or could at a past moment (at=ISO instant), at which level, "
                         + "until when (staff of its lab)")
    @OpenTo(AccessRule.LAB_STAFF)
    @GetMapping("/api/machines/{machineId}/access-list")
    MachineAccessList accessList(@PathVariable String machineId, @RequestParam(required = false) Instant at,
                                 Caller caller) {
        MachineView machine = machineOrNotFound(machineId);
        caller.requireLabStaff(machine.labId().toString());
        Instant now = clock.instant();
        if (at == null || at.isAfter(now)) {
            return access.find(new FindMachineAccessList(MachineId.of(machineId), at == null ? now : at));
        }
        MachineAccessList then = history.accessList(MachineId.of(machineId), at);
        if (then == null) {
            throw new NotFound("machine '" + machineId + "' was not in service yet at " + at
                               + " (register it with the date it entered service: inServiceSince)");
        }
        return then;
    }

    private MachineView machineOrNotFound(String machineId) {
        MachineView machine = catalog.find(new FindMachine(MachineId.of(machineId)));
        if (machine == null) {
            throw NotFound.of("machine", machineId);
        }
        return machine;
    }

    private static boolean isStaffOf(String labId) {
        try {
            return Caller.current().isLabStaff(labId);
        } catch (org.springframework.security.core.AuthenticationException anonymous) {
            return false;
        }
    }

    private static LabView publicView(LabView lab) {
        return new LabView(lab.labId(), lab.name(), lab.publicUrl(), lab.contactEmail(), lab.registeredAt(),
                           lab.machines(), List.of(), lab.achievements());
    }
}
