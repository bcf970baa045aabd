package org.makerspace.api.lab.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.ledger.LedgerCommands;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.OpeningHours;
import org.makerspace.ledger.lab.api.SetOpeningHours;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * When a lab and its machines are open; machines refuse use outside these hours. A lab with no hours is always open,
 * a machine with none follows its lab. Lab admins only.
 */
@RestController
@Tag(name = "labs")
class OpeningHoursController {

    private final LedgerCommands commands;

    OpeningHoursController(LedgerCommands commands) {
        this.commands = commands;
    }

    /** {@code day}: MONDAY…SUNDAY; {@code opens}, {@code closes}: "HH:mm", {@code closes} "00:00" for midnight. */
    record PeriodRequest(@NotNull DayOfWeek day, @NotNull LocalTime opens, @NotNull LocalTime closes) {
    }

    /** {@code zone}: the lab's IANA time zone, such as {@code Europe/Paris}; no periods: closed all week. */
    record OpeningHoursRequest(@NotBlank @Size(max = 60) String zone, @NotNull @Size(max = 50) List<@Valid PeriodRequest> periods) {

        OpeningHours toHours() {
            ZoneId zoneId;
            try {
                zoneId = ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("zone '" + zone + "' is not a time zone such as Europe/Paris");
            }
            return new OpeningHours(zoneId, periods.stream()
                    .map(period -> new OpeningHours.OpenPeriod(period.day(), period.opens(), period.closes()))
                    .toList());
        }
    }

    @Operation(summary = "Set the lab's opening hours (lab admin)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PutMapping("/api/labs/{labId}/opening-hours")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setLabHours(@PathVariable String labId, @Valid @RequestBody OpeningHoursRequest request, Caller caller) {
        caller.requireLabAdmin(labId);
        commands.send(new SetOpeningHours(LabId.of(labId), null, request.toHours()), caller);
    }

    @Operation(summary = "Make the lab always open (lab admin)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @DeleteMapping("/api/labs/{labId}/opening-hours")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearLabHours(@PathVariable String labId, Caller caller) {
        caller.requireLabAdmin(labId);
        commands.send(new SetOpeningHours(LabId.of(labId), null, null), caller);
    }

    @Operation(summary = "Give a machine opening hours of its own (lab admin)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PutMapping("/api/labs/{labId}/machines/{machineId}/opening-hours")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setMachineHours(@PathVariable String labId, @PathVariable String machineId,
                         @Valid @RequestBody OpeningHoursRequest request, Caller caller) {
        caller.requireLabAdmin(labId);
        commands.send(new SetOpeningHours(LabId.of(labId), MachineId.of(machineId), request.toHours()), caller);
    }

    @Operation(summary = "Make a machine follow its lab's opening hours again (lab admin)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @DeleteMapping("/api/labs/{labId}/machines/{machineId}/opening-hours")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearMachineHours(@PathVariable String labId, @PathVariable String machineId, Caller caller) {
        caller.requireLabAdmin(labId);
        commands.send(new SetOpeningHours(LabId.of(labId), MachineId.of(machineId), null), caller);
    }
}
