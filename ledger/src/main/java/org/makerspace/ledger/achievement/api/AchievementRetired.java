package org.makerspace.ledger.achievement.api;

import org.axonframework.serialization.Revision;

/** A badge is no longer awarded. */
@Revision("1")
public record AchievementRetired(AchievementId achievementId, int version, String reason) {
}
