package org.makerspace.api.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import org.makerspace.api.access.decisions.DecisionLog;
import org.makerspace.api.access.decisions.LoggedDecision;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.card.CardFingerprints;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.projections.access.AccessDecision;
import org.makerspace.projections.access.AccessProjection;
import org.makerspace.projections.access.AccessSubject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The question a controller box beside a machine asks when a card is presented: may this card use me now? Answered
 * from memory, without a database round trip, with the reason of every denial. Every answer is handed to the
 * {@link DecisionLog}, which only queues it: the log's write happens later, in a batch, off this path.
 */
@RestController
@Tag(name = "machine access", description = "For controller boxes, authenticated by their machine key")
class MachineAccessController {

    private final AccessProjection access;
    private final CardFingerprints fingerprints;
    private final DecisionLog decisions;
    private final Clock clock;

    MachineAccessController(AccessProjection access, CardFingerprints fingerprints, DecisionLog decisions,
                            Clock clock) {
        this.access = access;
        this.fingerprints = fingerprints;
        this.decisions = decisions;
        this.clock = clock;
    }

    /**
     * Exactly one of: the card's fingerprint computed by the controller with the lab's card key ({@code cardHash},
     * preferred: the UID never leaves the controller), the card's UID as read, or the member id (typed on a keypad).
     */
    record AccessRequest(@Size(max = 100) String cardHash, @Size(max = 100) String cardUid,
                         @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}") String memberId) {

        AccessSubject subject(CardFingerprints fingerprints, String labId) {
            int given = (cardHash == null ? 0 : 1) + (cardUid == null ? 0 : 1) + (memberId == null ? 0 : 1);
            if (given != 1) {
                throw new IllegalArgumentException("give exactly one of cardHash, cardUid and memberId");
            }
            if (cardHash != null) {
                return AccessSubject.card(CardFingerprints.ofHash(cardHash));
            }
            return cardUid != null ? AccessSubject.card(fingerprints.of(labId, cardUid))
                    : AccessSubject.member(MemberId.of(memberId));
        }
    }

    /**
     * @param decision          {@code granted} or {@code denied}
     * @param reason            why it was denied ({@code null} when granted): {@code unknown_card},
     *                          {@code unknown_member}, {@code machine_out_of_service}, {@code outside_opening_hours},
     *                          {@code member_suspended}, {@code no_certification}, {@code expired},
     *                          {@code suspended}, {@code revoked}, {@code level_too_low},
     *                          {@code supervision_required}, {@code partner_status_unavailable}, {@code unknown_machine}
     * @param sessionId         when granted: the id to report the session's start and end under
     * @param level             the certification level that decided, when there is one
     * @param maxSessionMinutes how long the machine may run before asking again, when granted
     * @param partnerCredentialId the id of the partner's credential that decided, when the lab's recognition of a
     *                            partner's achievement rather than its own certification did
     */
    record AccessAnswer(String decision, String reason, String sessionId, String level, Integer maxSessionMinutes,
                        Instant validUntil, String memberId, String partnerCredentialId) {

        static AccessAnswer of(AccessDecision decision) {
            return new AccessAnswer(decision.decision(), decision.granted() ? null : decision.reasonCode(),
                                    decision.sessionId(),
                                    decision.level() == null ? null : decision.level().name().toLowerCase(java.util.Locale.ROOT),
                                    decision.granted() ? decision.maxSessionMinutes() : null,
                                    decision.validUntil(),
                                    decision.memberId() == null ? null : decision.memberId().toString(),
                                    decision.partnerCredentialId());
        }
    }

    @Operation(summary = "May this card (or member) use this machine now? Only the machine's own key may ask.")
    @OpenTo(AccessRule.MACHINE)
    @PostMapping("/api/machines/{machineId}/access")
    AccessAnswer decide(@PathVariable String machineId, @Valid @RequestBody AccessRequest request, Caller caller) {
        caller.requireMachine(machineId);
        AccessSubject subject = request.subject(fingerprints, caller.labId());
        Instant now = clock.instant();
        AccessDecision decision = access.decide(MachineId.of(machineId), subject, now);
        decisions.record(LoggedDecision.online(now, caller.labId(), machineId, subject, decision));
        return AccessAnswer.of(decision);
    }

    /** The server's clock, for a controller to check its own before it decides offline and reports times. */
    record ServerTime(Instant serverTime) {
    }

    @Operation(summary = "The server's time, for the machine's controller to check its clock (its own key only)")
    @OpenTo(AccessRule.MACHINE)
    @GetMapping("/api/machines/{machineId}/time")
    ServerTime time(@PathVariable String machineId, Caller caller) {
        caller.requireMachine(machineId);
        return new ServerTime(clock.instant());
    }
}
