package org.makerspace.projections.award;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.AchievementAwarded;
import org.makerspace.ledger.member.api.AwardEvidence;
import org.makerspace.ledger.member.api.AwardRedated;
import org.makerspace.ledger.member.api.MemberId;

/**
 * A member earned an achievement (in a given version), issued by its lab, at the business time its criteria became
 * met, with the facts that met each criterion: as the ledger recorded it.
 */
public record Award(String awardId, MemberId memberId, AchievementId achievementId, int achievementVersion, LabId labId,
                    Instant awardedAt, List<AwardEvidence> evidence) {

    public Award {
        Objects.requireNonNull(awardId, "awardId");
        evidence = List.copyOf(evidence);
    }

    public static Award of(AchievementAwarded event) {
        return new Award(event.awardId().value(), event.memberId(), event.achievementId(), event.achievementVersion(),
                         event.labId(), event.awardedAt(), event.evidence());
    }

    /** The same award, dated earlier, with the evidence as of then. */
    public Award redated(AwardRedated event) {
        return new Award(awardId, memberId, achievementId, achievementVersion, labId, event.awardedAt(), event.evidence());
    }

    /**
     * The deterministic award id: a name-based UUID of member, achievement, version and the event whose handling
     * decided it, so that deciding again after a crash asks for the very same award.
     */
    public static String idFor(MemberId member, AchievementId achievement, int version, String decidingEventId) {
        String name = member + "|" + achievement + "|" + version + "|" + decidingEventId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
