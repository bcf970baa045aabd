package org.makerspace.ledger.achievement.api;

import java.util.List;
import org.makerspace.ledger.lab.api.LabId;
import org.axonframework.serialization.Revision;

/** A lab defined a badge; version 1 of its definition. */
@Revision("1")
public record AchievementDefined(AchievementId achievementId, LabId labId, int version, String name, String description, List<Criterion> criteria, String imageUrl) {
}
