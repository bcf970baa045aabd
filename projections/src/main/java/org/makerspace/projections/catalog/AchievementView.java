package org.makerspace.projections.catalog;

import java.util.List;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.AchievementRevised;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.LabId;

/** The latest version of an achievement a lab awards; a retired one is shown, marked, and no longer awarded. */
public record AchievementView(AchievementId achievementId, LabId labId, int version, String name, String description,
                              List<Criterion> criteria, String imageUrl, boolean retired) {

    public AchievementView {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    static AchievementView of(AchievementDefined event) {
        return new AchievementView(event.achievementId(), event.labId(), event.version(), event.name(),
                                   event.description(), event.criteria(), event.imageUrl(), false);
    }

    /** Takes a revision at least as new as this version; an older one, redelivered, changes nothing. */
    AchievementView revised(AchievementRevised event) {
        if (event.version() < version) {
            return this;
        }
        return new AchievementView(achievementId, labId, event.version(), event.name(), event.description(),
                                   event.criteria(), event.imageUrl(), retired);
    }

    AchievementView retire() {
        return new AchievementView(achievementId, labId, version, name, description, criteria, imageUrl, true);
    }
}
