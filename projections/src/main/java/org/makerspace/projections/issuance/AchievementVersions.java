package org.makerspace.projections.issuance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.projections.award.AwardedAchievement;

/**
 * Every version of one achievement, oldest first: the catalog keeps only the latest, but a credential, its default
 * image and its Open Badges 2.0 BadgeClass show the version that was awarded. A version is added once.
 */
record AchievementVersions(AchievementId achievementId, LabId labId, List<AwardedAchievement> versions) {

    AchievementVersions {
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(labId, "labId");
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    static AchievementVersions none(AchievementId achievementId, LabId labId) {
        return new AchievementVersions(achievementId, labId, List.of());
    }

    String id() {
        return achievementId.value();
    }

    Optional<AwardedAchievement> version(int version) {
        return versions.stream().filter(known -> known.version() == version).findFirst();
    }

    Optional<AwardedAchievement> latest() {
        return versions.stream().max(Comparator.comparingInt(AwardedAchievement::version));
    }

    AchievementVersions with(AwardedAchievement achievement) {
        if (version(achievement.version()).isPresent()) {
            return this;
        }
        List<AwardedAchievement> more = new ArrayList<>(versions);
        more.add(achievement);
        more.sort(Comparator.comparingInt(AwardedAchievement::version));
        return new AchievementVersions(achievementId, labId, more);
    }
}
