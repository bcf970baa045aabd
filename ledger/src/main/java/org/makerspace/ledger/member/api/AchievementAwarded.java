package org.makerspace.ledger.member.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.LabId;

/**
 * The member earned version {@code achievementVersion} of an achievement of lab {@code labId}. {@code awardedAt} is
 * the business time at which its criteria became met: the latest business time among the facts that together meet
 * them, whatever order they were recorded in. {@code evidence} names those facts per criterion. Recorded once per
 * member and achievement.
 */
@Revision("1")
public record AchievementAwarded(MemberId memberId, AwardId awardId, AchievementId achievementId, int achievementVersion,
                                 LabId labId, Instant awardedAt, List<AwardEvidence> evidence) {

    public AchievementAwarded {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
