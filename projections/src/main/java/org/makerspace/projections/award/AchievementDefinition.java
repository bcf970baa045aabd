package org.makerspace.projections.award;

import java.util.List;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.AchievementRevised;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.LabId;

/** The latest version of an achievement of a lab; a retired one is no longer awarded. */
record AchievementDefinition(AchievementId achievementId, LabId labId, int version, String name, String description,
                             String imageUrl, List<Criterion> criteria, boolean retired) {

    AchievementDefinition {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    static AchievementDefinition of(AchievementDefined event) {
        return new AchievementDefinition(event.achievementId(), event.labId(), event.version(), event.name(),
                                         event.description(), event.imageUrl(), event.criteria(), false);
    }

    String id() {
        return achievementId.value();
    }

    /** Takes a revision at least as new as this version; an older one, redelivered, changes nothing. */
    AchievementDefinition revised(AchievementRevised event) {
        if (event.version() < version) {
            return this;
        }
        return new AchievementDefinition(achievementId, labId, event.version(), event.name(), event.description(),
                                         event.imageUrl(), event.criteria(), retired);
    }

    AchievementDefinition retire() {
        return new AchievementDefinition(achievementId, labId, version, name, description, imageUrl, criteria, true);
    }

    /** An achievement without criteria would go to everyone; the ledger should refuse it, this never awards it. */
    boolean awardable() {
        return !retired && !criteria.isEmpty();
    }
}
