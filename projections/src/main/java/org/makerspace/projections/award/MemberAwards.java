package org.makerspace.projections.award;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.member.api.MemberId;

/** Every award of one member, in the order they were made; also the member's stored awards row. */
public record MemberAwards(MemberId memberId, List<Award> awards) {

    public MemberAwards {
        Objects.requireNonNull(memberId, "memberId");
        awards = awards == null ? List.of() : List.copyOf(awards);
    }

    static MemberAwards none(MemberId memberId) {
        return new MemberAwards(memberId, List.of());
    }

    public boolean holds(AchievementId achievement) {
        return awards.stream().anyMatch(award -> award.achievementId().equals(achievement));
    }

    /** The same awards, with this one replaced by its new version (same id). */
    MemberAwards replaced(Award award) {
        List<Award> updated = new ArrayList<>(awards.size());
        for (Award known : awards) {
            updated.add(known.awardId().equals(award.awardId()) ? award : known);
        }
        return new MemberAwards(memberId, updated);
    }

    MemberAwards with(Award award) {
        if (holds(award.achievementId())) {
            return this;
        }
        List<Award> more = new ArrayList<>(awards);
        more.add(award);
        return new MemberAwards(memberId, more);
    }
}
