package org.makerspace.ledger.achievement.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Shows an uploaded image on a badge from its next version on, the definition otherwise unchanged; awards already made
 * keep the image of the version they were made under. The image must be stored before the command is sent.
 */
public record ChangeAchievementImage(@TargetAggregateIdentifier AchievementId achievementId, HostedImage image) {
}
