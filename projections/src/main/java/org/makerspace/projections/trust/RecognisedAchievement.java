package org.makerspace.projections.trust;

import java.time.Instant;
import java.util.Objects;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;

/**
 * A partner's achievement the lab counts as a certification of {@code level} on the machines of {@code scope}, since
 * {@code since} (business time); the achievement named exactly as the partner's credentials name it.
 */
public record RecognisedAchievement(String achievementId, CertificationScope scope, CertificationLevel level,
                                    Instant since) {

    public RecognisedAchievement {
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(since, "since");
    }
}
