package org.makerspace.ledger.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChronologyTest {

    private static final Instant GRANTED = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void refusesAnActDatedBeforeTheStateItActsOn() {
        assertThatThrownBy(() -> Chronology.requireNotBefore(Instant.parse("2026-01-01T00:00:00Z"),
                "revocation of certification c-1", GRANTED, "it was granted"))
                .isInstanceOf(DomainRefusal.class)
                .hasMessage("revocation of certification c-1 at 2026-01-01T00:00:00Z is before it was granted at 2026-02-01T00:00:00Z")
                .extracting(e -> ((DomainRefusal) e).code()).isEqualTo("out-of-sequence");
    }

    @Test
    void acceptsAnActAtTheSameInstant() {
        assertThatCode(() -> Chronology.requireNotBefore(GRANTED, "revocation", GRANTED, "it was granted")).doesNotThrowAnyException();
    }

    @Test
    void acceptsAnyTimeWhenNothingDatedIsActedOn() {
        assertThatCode(() -> Chronology.requireNotBefore(Instant.EPOCH, "return to service", null, "it went out of service"))
                .doesNotThrowAnyException();
    }
}
