package org.makerspace.projections.catalog;

import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.LabId;

/**
 * Routes an achievement id to the lab document that holds the achievement: revisions and retirements do not name
 * the lab.
 */
record AchievementLab(AchievementId achievementId, LabId labId) {

    String id() {
        return achievementId.value();
    }
}
