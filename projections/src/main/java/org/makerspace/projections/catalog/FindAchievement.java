package org.makerspace.projections.catalog;

import java.util.Objects;
import org.makerspace.ledger.achievement.api.AchievementId;

/** Asks for one achievement; answered with its {@link AchievementView}, lab id included, or null when it is unknown. */
public record FindAchievement(AchievementId achievementId) {

    public FindAchievement {
        Objects.requireNonNull(achievementId, "achievementId");
    }
}
