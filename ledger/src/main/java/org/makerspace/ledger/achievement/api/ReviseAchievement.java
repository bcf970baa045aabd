package org.makerspace.ledger.achievement.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publishes a new version of a badge definition; awards already made keep the version they were made under. */
public record ReviseAchievement(@TargetAggregateIdentifier AchievementId achievementId, String name, String description, List<Criterion> criteria, String imageUrl) {
}
