package org.makerspace.api.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.card.CardFingerprints;
import org.makerspace.api.ledger.LedgerCommands;
import org.makerspace.api.member.LedgerRegistrations;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.common.UnknownReference;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.session.api.EndMachineSession;
import org.makerspace.ledger.session.api.SessionEndReason;
import org.makerspace.ledger.session.api.SessionId;
import org.makerspace.ledger.session.api.StartMachineSession;
import org.makerspace.projections.access.AccessProjection;
import org.makerspace.projections.access.AccessSubject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sessions as a controller reports them, live or later from its offline queue with their original times. Reporting
 * the same start or end again records nothing, so a controller resends freely until it gets an answer.
 */
@RestController
@Tag(name = "machine access")
class MachineSessionController {

    static final String SESSION_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";
    /** How far ahead of the server's clock a controller's time may be; further is a broken clock, not a report. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final LedgerCommands commands;
    private final AccessProjection access;
    private final CardFingerprints fingerprints;
    private final LedgerRegistrations registrations;
    private final Clock clock;

    MachineSessionController(LedgerCommands commands, AccessProjection access, CardFingerprints fingerprints,
                             LedgerRegistrations registrations, Clock clock) {
        this.registrations = registrations;
        this.commands = commands;
        this.access = access;
        this.fingerprints = fingerprints;
        this.clock = clock;
    }

    /**
     * @param sessionId      the id of the grant's answer, or one the controller made up when it decided offline
     * @param decidedOffline whether the controller let the member in from its allowlist, without the server
     */
    record StartRequest(@NotNull @Pattern(regexp = SESSION_ID) String sessionId, @Size(max = 100) String cardHash,
                        @Size(max = 100) String cardUid, @Pattern(regexp = SESSION_ID) String memberId,
                        @NotNull Instant startedAt, boolean decidedOffline) {
    }

    /** A session lasts at most a week (the ledger's bound); a shorter one than a minute reports 0 minutes. */
    static final int MAX_MINUTES = 7 * 24 * 60;
    /**
     * 10 MWh: a week at 60 kW, beyond any machine a lab runs, so that a controller's broken meter is refused rather
     * than added to the month's usage, where a sum of such values would overflow.
     */
    static final long MAX_ENERGY_WH = 10_000_000;

    /** {@code minutes} and {@code energyWh} are integers: a fraction is refused, not rounded. */
    record EndRequest(@NotNull Instant endedAt, @NotNull SessionEndReason reason,
                      @Min(0) @Max(MAX_MINUTES) Integer minutes, @Min(0) @Max(MAX_ENERGY_WH) Long energyWh) {
    }

    @Operation(summary = "Report that a session started on this machine (its own key only)")
    @OpenTo(AccessRule.MACHINE)
    @PostMapping("/api/machines/{machineId}/sessions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void start(@PathVariable String machineId, @Valid @RequestBody StartRequest request, Caller caller) {
        caller.requireMachine(machineId);
        requireNotInTheFuture(request.startedAt(), "startedAt");
        MemberId member = memberOf(new MachineAccessController.AccessRequest(request.cardHash(), request.cardUid(),
                                                                             request.memberId()), caller.labId(),
                                   request.startedAt());
        // A machine key speaks only for its own lab's members.
        registrations.requireNotAnotherLabsMember(member, caller.labId());
        commands.send(new StartMachineSession(SessionId.of(request.sessionId()), LabId.of(caller.labId()),
                                              MachineId.of(machineId), member, request.startedAt(),
                                              request.decidedOffline()), caller);
    }

    @Operation(summary = "Report that a session of this machine ended, with its usage (its own key only)")
    @OpenTo(AccessRule.MACHINE)
    @PostMapping("/api/machines/{machineId}/sessions/{sessionId}/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void end(@PathVariable String machineId, @PathVariable @Pattern(regexp = SESSION_ID) String sessionId,
             @Valid @RequestBody EndRequest request, Caller caller) {
        caller.requireMachine(machineId);
        requireNotInTheFuture(request.endedAt(), "endedAt");
        commands.send(new EndMachineSession(SessionId.of(sessionId), LabId.of(caller.labId()), MachineId.of(machineId),
                                            request.endedAt(), request.reason(), request.minutes(),
                                            request.energyWh()), caller);
    }

    /**
     * The member behind the card or id: whoever held the card when the session started (it may have been unlinked
     * or given to someone else before an offline controller reported it); a card nobody held then is refused.
     */
    private MemberId memberOf(MachineAccessController.AccessRequest who, String labId, Instant startedAt) {
        AccessSubject subject = who.subject(fingerprints, labId);
        if (subject instanceof AccessSubject.Member member) {
            if (!access.model().knows(member.memberId())) {
                throw new UnknownReference("unknown-member", "no member " + member.memberId() + " is known");
            }
            return member.memberId();
        }
        String fingerprint = ((AccessSubject.Card) subject).fingerprint();
        return access.model().holderAt(fingerprint, startedAt)
                .orElseThrow(() -> new UnknownReference("unknown-card", "no member holds this card in lab " + labId));
    }

    private void requireNotInTheFuture(Instant at, String field) {
        if (at.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new IllegalArgumentException(field + " " + at + " is in the future: check the controller's clock");
        }
    }
}
