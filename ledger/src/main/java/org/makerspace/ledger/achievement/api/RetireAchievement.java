package org.makerspace.ledger.achievement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops awarding a badge; badges already earned stay valid. */
public record RetireAchievement(@TargetAggregateIdentifier AchievementId achievementId, String reason) {
}
