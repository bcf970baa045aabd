package org.makerspace.projections.trust;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A partner a lab trusts: its OB 3.0 issuer profile URL, its public name, since when (business time), and which of
 * its achievements the lab counts as certifications, in the order it recognised them.
 */
public record TrustedPartner(String issuerId, String name, Instant since,
                             List<RecognisedAchievement> recognisedAchievements) {

    public TrustedPartner {
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(since, "since");
        recognisedAchievements = recognisedAchievements == null ? List.of() : List.copyOf(recognisedAchievements);
    }

    public TrustedPartner(String issuerId, String name, Instant since) {
        this(issuerId, name, since, List.of());
    }

    TrustedPartner recognising(RecognisedAchievement achievement) {
        return new TrustedPartner(issuerId, name, since,
                                  Upserts.put(recognisedAchievements, RecognisedAchievement::achievementId, achievement));
    }

    TrustedPartner withdrawingRecognition(String achievementId) {
        return new TrustedPartner(issuerId, name, since,
                                  Upserts.remove(recognisedAchievements, RecognisedAchievement::achievementId,
                                                 achievementId));
    }
}
