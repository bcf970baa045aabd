package org.makerspace.projections.credential.ob3;

import java.util.List;
import java.util.Objects;
import org.makerspace.projections.award.Award;

/**
 * Everything an OpenBadgeCredential is built from. The achievement must be the version the award was made for, and
 * the issuer the award's lab. At most one status entry: the 1EdTech JSON schema allows a single
 * {@code credentialStatus} object.
 */
public record CredentialRequest(IssuerProfile issuer, AchievementDescription achievement, Award award,
                                Recipient recipient, Validity validity, List<StatusEntry> status) {

    public CredentialRequest {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(achievement, "achievement");
        Objects.requireNonNull(award, "award");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(validity, "validity");
        status = status == null ? List.of() : List.copyOf(status);
        if (!achievement.achievementId().equals(award.achievementId())
                || achievement.version() != award.achievementVersion()) {
            throw new IllegalArgumentException("award " + award.awardId() + " is for version "
                                               + award.achievementVersion() + " of " + award.achievementId()
                                               + ", but version " + achievement.version() + " of "
                                               + achievement.achievementId() + " was given");
        }
        if (status.size() > 1) {
            throw new IllegalArgumentException("the Open Badges 3.0 schema allows one credentialStatus entry, not "
                                               + status.size());
        }
    }
}
