package org.makerspace.api.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.ledger.LedgerCommands;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.lab.api.ChangeMachineRequirement;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.projections.access.AccessProjection;
import org.makerspace.projections.access.MachineRequirement;
import org.makerspace.projections.access.RequirementPreview;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a machine asks of its users, and, before the lab admin changes it, who would lose access: the preview is
 * computed from the live model and changes nothing; applying the change is a ledger command. Lab admins only.
 */
@RestController
@Tag(name = "labs")
class MachineRequirementController {

    private final LedgerCommands commands;
    private final AccessProjection access;
    private final Clock clock;

    MachineRequirementController(LedgerCommands commands, AccessProjection access, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.clock = clock;
    }

    /**
     * @param minimumLevel        {@code SUPERVISED} (any certification, as every machine asks by default),
     *                            {@code AUTONOMOUS} or {@code TRAINER}
     * @param maxMonthsWithoutUse 1 to 120: a certification not used on a machine it covers (or granted) within that
     *                            many months is refused here as {@code expired}; absent: no such limit
     */
    record RequirementRequest(@NotNull CertificationLevel minimumLevel, @Min(1) @Max(120) Integer maxMonthsWithoutUse) {
    }

    @Operation(summary = "Who would lose access to the machine under this requirement, and why (lab admin)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/labs/{labId}/machines/{machineId}/requirement/preview")
    RequirementPreview preview(@PathVariable String labId, @PathVariable String machineId,
                               @Valid @RequestBody RequirementRequest request, Caller caller) {
        caller.requireLabAdmin(labId);
        MachineId machine = MachineId.of(machineId);
        access.model().machine(machine)
                .filter(known -> known.labId().value().equals(labId))
                .orElseThrow(() -> new NotFound("no machine '" + machineId + "' in lab '" + labId + "'"));
        return access.model().preview(machine, new MachineRequirement(machine, request.minimumLevel(),
                                                                      request.maxMonthsWithoutUse()), clock.instant());
    }

    @Operation(summary = "Set what the machine asks of its users; the same requirement again records nothing (lab admin)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PutMapping("/api/labs/{labId}/machines/{machineId}/requirement")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(@PathVariable String labId, @PathVariable String machineId,
                @Valid @RequestBody RequirementRequest request, Caller caller) {
        caller.requireLabAdmin(labId);
        commands.send(new ChangeMachineRequirement(LabId.of(labId), MachineId.of(machineId), request.minimumLevel(),
                                                   request.maxMonthsWithoutUse()), caller);
    }
}
