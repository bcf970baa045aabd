package org.makerspace.projections.award;

import java.util.List;
import java.util.Objects;

/**
 * An award as it was made: the award, the achievement in the version that was awarded (the catalog keeps only the
 * latest), and the certifications named in its evidence with the validity end the award rules gave each.
 */
public record AwardMade(Award award, AwardedAchievement achievement, List<HeldCertification> certifications) {

    public AwardMade {
        Objects.requireNonNull(award, "award");
        Objects.requireNonNull(achievement, "achievement");
        certifications = List.copyOf(certifications);
        if (!achievement.achievementId().equals(award.achievementId())
                || achievement.version() != award.achievementVersion()) {
            throw new IllegalArgumentException("award " + award.awardId() + " is for version "
                                               + award.achievementVersion() + " of " + award.achievementId());
        }
    }
}
