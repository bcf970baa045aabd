package org.makerspace.api.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpiryPeriodTest {

    private final ExpiryPeriod.Validator validator = new ExpiryPeriod.Validator();

    @ParameterizedTest
    @ValueSource(strings = {"P1D", "P6M", "P1Y", "P100Y", "P1200M", "P36525D", "P99Y11M30D", "P5214W"})
    void aPositivePeriodOfACenturyAtMostIsAnExpiry(String period) {
        assertThat(validator.isValid(period, null)).isTrue();
    }

    /** P999999999Y overflowed the grant's date it was added to, a 500; longer than a century means "never". */
    @ParameterizedTest
    @ValueSource(strings = {"P999999999Y", "P2147483647M", "P2147483647D", "P101Y", "P100Y1D", "P1201M", "P36526D",
            "P5218W", "P0D", "P-1Y", "P1Y-400D", "one year", ""})
    void anythingElseIsNot(String period) {
        assertThat(validator.isValid(period, null)).isFalse();
    }

    @Test
    void noPeriodIsLeftToTheKindOfExpiry() {
        assertThat(validator.isValid(null, null)).isTrue();
    }
}
