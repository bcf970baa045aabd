package org.makerspace.projections.award;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.MemberId;

/**
 * A member earned an achievement (in a given version), issued by its lab. The id and {@code awardedAt} derive only
 * from the ledger (member, achievement, version, the triggering event and its business time), so a replay writes the
 * very same award.
 */
public record Award(String awardId, MemberId memberId, AchievementId achievementId, int achievementVersion, LabId labId,
                    String triggeringEventId, Instant awardedAt, List<CriterionEvidence> evidence) {

    public Award {
        Objects.requireNonNull(awardId, "awardId");
        evidence = List.copyOf(evidence);
    }

    static Award of(MemberId member, AchievementDefinition achievement, String triggeringEventId, Instant awardedAt,
                    List<CriterionEvidence> evidence) {
        String id = idFor(member, achievement.achievementId(), achievement.version(), triggeringEventId);
        return new Award(id, member, achievement.achievementId(), achievement.version(), achievement.labId(),
                         triggeringEventId, awardedAt, evidence);
    }

    /** The deterministic award id: a name-based UUID of member, achievement, version and triggering event. */
    public static String idFor(MemberId member, AchievementId achievement, int version, String triggeringEventId) {
        String name = member + "|" + achievement + "|" + version + "|" + triggeringEventId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
