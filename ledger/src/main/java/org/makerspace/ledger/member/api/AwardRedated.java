package org.makerspace.ledger.member.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.makerspace.ledger.achievement.api.AchievementId;

/**
 * An award's criteria were met earlier than it said: a fact dated before the award was recorded after it (a
 * training typed in late, say). {@code awardedAt} is the earlier business time at which they became met, and
 * {@code evidence} the facts that met them then. Only ever earlier: the award itself stands.
 */
@Revision("1")
public record AwardRedated(MemberId memberId, AwardId awardId, AchievementId achievementId, Instant awardedAt,
                           List<AwardEvidence> evidence) {

    public AwardRedated {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
