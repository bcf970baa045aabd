package org.makerspace.ledger.achievement.api;

import java.util.List;
import org.makerspace.ledger.lab.api.LabId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Defines a badge a lab awards when every criterion holds. */
public record DefineAchievement(@TargetAggregateIdentifier AchievementId achievementId, LabId labId, String name, String description, List<Criterion> criteria, String imageUrl) {
}
