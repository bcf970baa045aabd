package org.makerspace.projections.passport;

import java.time.Instant;
import org.makerspace.ledger.achievement.api.AchievementId;

/** An achievement the member earned, by the award that records it. */
public record EarnedAchievement(String awardId, AchievementId achievementId, int achievementVersion, Instant awardedAt) {
}
