package org.makerspace.ledger.member.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * When a certification stops being valid. Evaluated from business times carried by events, never from the
 * wall clock, so a replay computes the same validity.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ExpiryRule.Never.class, name = "never"),
        @JsonSubTypes.Type(value = ExpiryRule.AfterPeriod.class, name = "after-period"),
        @JsonSubTypes.Type(value = ExpiryRule.OnDate.class, name = "on-date"),
        @JsonSubTypes.Type(value = ExpiryRule.AfterInactivity.class, name = "after-inactivity")
})
public sealed interface ExpiryRule {

    /**
     * The end of validity, given when the certification was granted and when the machine was last used under it
     * (the grant itself counts as a use).
     */
    Optional<Instant> validUntil(Instant grantedAt, Instant lastUsedAt);

    record Never() implements ExpiryRule {
        @Override
        public Optional<Instant> validUntil(Instant grantedAt, Instant lastUsedAt) {
            return Optional.empty();
        }
    }

    record AfterPeriod(Period period) implements ExpiryRule {
        public AfterPeriod {
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("an expiry period must be positive, but was " + period);
            }
        }

        @Override
        public Optional<Instant> validUntil(Instant grantedAt, Instant lastUsedAt) {
            return Optional.of(grantedAt.atOffset(ZoneOffset.UTC).plus(period).toInstant());
        }
    }

    record OnDate(Instant validUntil) implements ExpiryRule {
        public OnDate {
            Objects.requireNonNull(validUntil, "validUntil");
        }

        @Override
        public Optional<Instant> validUntil(Instant grantedAt, Instant lastUsedAt) {
            return Optional.of(validUntil);
        }
    }

    record AfterInactivity(int months) implements ExpiryRule {
        public AfterInactivity {
            if (months < 1 || months > 120) {
                throw new IllegalArgumentException("inactivity expiry must be 1 to 120 months, but was " + months);
            }
        }

        @Override
        public Optional<Instant> validUntil(Instant grantedAt, Instant lastUsedAt) {
            Instant reference = lastUsedAt.isAfter(grantedAt) ? lastUsedAt : grantedAt;
            return Optional.of(reference.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant());
        }
    }
}
