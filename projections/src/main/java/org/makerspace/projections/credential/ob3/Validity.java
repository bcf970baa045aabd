package org.makerspace.projections.credential.ob3;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.makerspace.projections.award.Award;

/**
 * When a credential holds: from {@code validFrom}, until {@code validUntil} when the certification behind it expires
 * (null for no end). Both are kept to whole seconds, so that the JWT's {@code nbf} and {@code exp} equal them.
 */
public record Validity(Instant validFrom, Instant validUntil) {

    public Validity {
        Objects.requireNonNull(validFrom, "validFrom");
        validFrom = validFrom.truncatedTo(ChronoUnit.SECONDS);
        validUntil = validUntil == null ? null : validUntil.truncatedTo(ChronoUnit.SECONDS);
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("a credential valid from " + validFrom + " cannot end at " + validUntil);
        }
    }

    /** Valid from the award's business time, until {@code validUntil} (null for no end). */
    public static Validity of(Award award, Instant validUntil) {
        return new Validity(award.awardedAt(), validUntil);
    }
}
