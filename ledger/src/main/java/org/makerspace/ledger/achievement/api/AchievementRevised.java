package org.makerspace.ledger.achievement.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A new version of a badge definition; awards from now on use it. */
@Revision("1")
public record AchievementRevised(AchievementId achievementId, int version, String name, String description, List<Criterion> criteria, String imageUrl) {
}
