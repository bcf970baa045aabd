package org.makerspace.projections.award;

import java.util.List;
import java.util.Objects;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.LabId;

/** An achievement of a lab in one version, as it was defined or revised: what an award of that version is for. */
public record AwardedAchievement(AchievementId achievementId, LabId labId, int version, String name,
                                 String description, String imageUrl, List<Criterion> criteria) {

    public AwardedAchievement {
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(name, "name");
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }
}
