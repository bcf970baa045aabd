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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.makerspace.api.access.decisions.DecisionLog;
import org.makerspace.api.access.decisions.DecisionLogProperties;
import org.makerspace.api.access.decisions.LoggedDecision;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.card.CardFingerprints;
import org.makerspace.api.member.LedgerRegistrations;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.projections.access.AccessDecision;
import org.makerspace.projections.access.AccessHistory;
import org.makerspace.projections.access.AccessProjection;
import org.makerspace.projections.access.MachineState;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The decision log over HTTP: controllers upload the decisions they took offline (their own machine's key only),
 * and the staff of the machine's lab read what was decided and ask why a member was refused at a moment.
 */
@RestController
@Tag(name = "machine access")
class DecisionLogController {

    static final String MEMBER_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";

    private final DecisionLog decisions;
    private final DecisionLogProperties properties;
    private final AccessProjection access;
    private final AccessHistory history;
    private final LedgerRegistrations registrations;
    private final Clock clock;

    DecisionLogController(DecisionLog decisions, DecisionLogProperties properties, AccessProjection access,
                          AccessHistory history, LedgerRegistrations registrations, Clock clock) {
        this.registrations = registrations;
        this.decisions = decisions;
        this.properties = properties;
        this.access = access;
        this.history = history;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- offline uploads

    /**
     * One decision a controller took from its allowlist: when (its own clock), who (exactly one of the card's hash, as
     * it sends with {@code /access}, and a member id), the answer, the reason of a denial (the controller's own code,
     * required when denied) and the session id it made up for a grant.
     */
    record OfflineDecision(@NotNull Instant at, @Size(max = 100) String cardHash,
                           @Pattern(regexp = MEMBER_ID) String memberId,
                           @NotNull @Pattern(regexp = "granted|denied") String decision,
                           @Pattern(regexp = "[a-z][a-z0-9_]{0,49}") String reason,
                           @Pattern(regexp = MachineSessionController.SESSION_ID) String sessionId) {
    }

    record OfflineUpload(@NotNull @Size(max = 1000) List<@Valid @NotNull OfflineDecision> decisions) {
    }

    @Operation(summary = "Upload decisions this controller took offline (its own key only); a repeat adds nothing")
    @OpenTo(AccessRule.MACHINE)
    @PostMapping("/api/machines/{machineId}/offline-decisions")
    DecisionLog.Upload upload(@PathVariable String machineId, @Valid @RequestBody OfflineUpload upload,
                              Caller caller) {
        caller.requireMachine(machineId);
        Instant latest = clock.instant().plus(MachineSessionController.CLOCK_SKEW);
        List<LoggedDecision> offline = new ArrayList<>(upload.decisions().size());
        for (int i = 0; i < upload.decisions().size(); i++) {
            offline.add(logged(machineId, caller.labId(), upload.decisions().get(i), i, latest));
        }
        // A machine key speaks only for its own lab's members: each member once, however many decisions name them.
        offline.stream().map(LoggedDecision::memberId).filter(Objects::nonNull).distinct()
                .forEach(member -> registrations.requireNotAnotherLabsMember(MemberId.of(member), caller.labId()));
        return decisions.recordOffline(offline);
    }

    private LoggedDecision logged(String machineId, String labId, OfflineDecision taken, int index, Instant latest) {
        String field = "decisions[" + index + "]";
        if ((taken.cardHash() == null) == (taken.memberId() == null)) {
            throw new IllegalArgumentException(field + ": give exactly one of cardHash and memberId");
        }
        if (taken.at().isAfter(latest)) {
            throw new IllegalArgumentException(field + ".at " + taken.at() + " is in the future: check the "
                                               + "controller's clock");
        }
        boolean granted = taken.decision().equals("granted");
        if (!granted && taken.reason() == null) {
            throw new IllegalArgumentException(field + ".reason is required for a denial");
        }
        String card = taken.cardHash() == null ? null : CardFingerprints.ofHash(taken.cardHash());
        // The card's holder when the decision was taken, not when the upload arrives.
        String member = card == null ? taken.memberId()
                : access.model().holderAt(card, taken.at()).map(MemberId::value).orElse(null);
        return new LoggedDecision(taken.at(), labId, machineId, member, card, taken.decision(),
                                  granted ? null : taken.reason(), taken.sessionId(), null, null, true);
    }

    // ---------------------------------------------------------------- queries

    /** A machine's decisions, newest first. */
    record DecisionList(String machineId, List<LoggedDecision> decisions) {
    }

    @Operation(summary = "The machine's decisions, newest first, online and offline (staff of its lab)")
    @OpenTo(AccessRule.LAB_STAFF)
    @GetMapping("/api/machines/{machineId}/decisions")
    DecisionList decisions(@PathVariable String machineId,
                           @RequestParam(required = false) @Pattern(regexp = MEMBER_ID) String memberId,
                           @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit, Caller caller) {
        requireStaffOfMachinesLab(machineId, caller);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        return new DecisionList(machineId, decisions.find(machineId, memberId, from, to, limit));
    }

    /**
     * What the ledger as it was at {@code at} decides for the member on the machine then (no session id: nothing was
     * granted). {@code level} in lowercase, as the controllers' answers have it.
     */
    record Recomputed(String decision, String reason, String level, String certificationId,
                      String partnerCredentialId, Instant validUntil) {

        static Recomputed of(AccessDecision decision) {
            return new Recomputed(decision.decision(), decision.granted() ? null : decision.reasonCode(),
                                  decision.level() == null ? null : decision.level().name().toLowerCase(Locale.ROOT),
                                  decision.certificationId() == null ? null : decision.certificationId().value(),
                                  decision.partnerCredentialId(), decision.validUntil());
        }
    }

    /**
     * @param recorded   the member's last logged decision on the machine at or before {@code at}, within the
     *                   tolerance; {@code null} if none
     * @param recomputed the decision the ledger as it was at {@code at} gives: why, in the ledger's terms
     * @param agrees     whether both say the same (decision and reason); false without a recorded decision. They may
     *                   differ for a reason: a trainer's tap (not a ledger fact) let a SUPERVISED member in, the
     *                   controller decided offline from an older allowlist, or the ledger changed in between
     */
    record Explanation(String machineId, String memberId, Instant at, LoggedDecision recorded,
                       Recomputed recomputed, boolean agrees) {
    }

    @Operation(summary = "Why was the member let in or refused on the machine at this moment: the recorded decision and "
                         + "the ledger's recomputation as of then (staff of its lab)")
    @OpenTo(AccessRule.LAB_STAFF)
    @GetMapping("/api/machines/{machineId}/decisions/explain")
    Explanation explain(@PathVariable String machineId, @RequestParam @Pattern(regexp = MEMBER_ID) String memberId,
                        @RequestParam Instant at, Caller caller) {
        requireStaffOfMachinesLab(machineId, caller);
        if (at.isAfter(clock.instant().plus(MachineSessionController.CLOCK_SKEW))) {
            throw new IllegalArgumentException("at " + at + " is in the future: nothing was decided yet");
        }
        LoggedDecision recorded = decisions.latestBefore(machineId, memberId, at, properties.explainTolerance())
                .orElse(null);
        Recomputed recomputed = Recomputed.of(history.decision(MachineId.of(machineId), MemberId.of(memberId), at));
        boolean agrees = recorded != null && recorded.decision().equals(recomputed.decision())
                         && Objects.equals(recorded.reason(), recomputed.reason());
        return new Explanation(machineId, memberId, at, recorded, recomputed, agrees);
    }

    /** Machine ids are unique across labs, so the machine names its lab; an unknown one is a 404, for staff or not. */
    private void requireStaffOfMachinesLab(String machineId, Caller caller) {
        MachineState machine = access.model().machine(MachineId.of(machineId))
                .orElseThrow(() -> NotFound.of("machine", machineId));
        caller.requireLabStaff(machine.labId().value());
    }
}
