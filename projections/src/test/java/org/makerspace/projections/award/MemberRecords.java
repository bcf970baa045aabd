package org.makerspace.projections.award;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.makerspace.ledger.member.api.AchievementAwarded;
import org.makerspace.ledger.member.api.AwardId;
import org.makerspace.ledger.member.api.AwardRedated;
import org.makerspace.ledger.member.api.RecordAward;

/**
 * The member record's rule for {@code RecordAward}, for tests of the read side, which has no aggregates: an
 * achievement is awarded once per member; asked again with an earlier business time, the award is dated earlier;
 * otherwise nothing is recorded. The ledger module's own tests check the aggregate against the same rule.
 */
public final class MemberRecords {

    private record Held(AwardId awardId, Instant awardedAt) {
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();

    /** The event the member's record would apply, if any. */
    public synchronized Optional<Object> record(RecordAward award) {
        String key = award.memberId() + "|" + award.achievementId();
        Held known = held.get(key);
        if (known == null) {
            held.put(key, new Held(award.awardId(), award.awardedAt()));
            return Optional.of(new AchievementAwarded(award.memberId(), award.awardId(), award.achievementId(),
                                                      award.achievementVersion(), award.labId(), award.awardedAt(),
                                                      award.evidence()));
        }
        if (award.awardedAt().isBefore(known.awardedAt())) {
            held.put(key, new Held(known.awardId(), award.awardedAt()));
            return Optional.of(new AwardRedated(award.memberId(), known.awardId(), award.achievementId(),
                                                award.awardedAt(), award.evidence()));
        }
        return Optional.empty();
    }

    /** Forgets the member's award of the achievement, as if it had never been recorded. */
    void forget(String member, String achievement) {
        held.remove(member + "|" + achievement);
    }
}
