package org.makerspace.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimitTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ClientRateLimit limit = new ClientRateLimit(30, now::get);

    private void after(Duration elapsed) {
        now.addAndGet(elapsed.toNanos());
    }

    @Test
    void grantsABurstOfThePerMinuteCountThenSaysHowLongToWait() {
        for (int i = 0; i < 30; i++) {
            assertThat(limit.acquire("203.0.113.7")).isEmpty();
        }

        assertThat(limit.acquire("203.0.113.7")).isEqualTo(OptionalLong.of(2));
    }

    @Test
    void refillsEvenlyOverTheMinute() {
        for (int i = 0; i < 30; i++) {
            limit.acquire("203.0.113.7");
        }

        after(Duration.ofMillis(1999));
        assertThat(limit.acquire("203.0.113.7")).isEqualTo(OptionalLong.of(1));
        after(Duration.ofMillis(1));
        assertThat(limit.acquire("203.0.113.7")).isEmpty();
        after(Duration.ofMinutes(5));
        for (int i = 0; i < 30; i++) {
            assertThat(limit.acquire("203.0.113.7")).isEmpty();
        }
        assertThat(limit.acquire("203.0.113.7")).isPresent();
    }

    @Test
    void countsEachAddressApart() {
        for (int i = 0; i < 30; i++) {
            limit.acquire("203.0.113.7");
        }

        assertThat(limit.acquire("203.0.113.7")).isPresent();
        assertThat(limit.acquire("198.51.100.1")).isEmpty();
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> new ClientRateLimit(0, now::get)).hasMessageContaining("at least 1");
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        assertThat(ClientRateLimit.clientOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientRateLimit.clientOf("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientRateLimit.clientOf("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientRateLimit.clientOf("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void waitingForATokenDoesNotTakeIt() {
        for (int i = 0; i < 30; i++) {
            assertThat(limit.waitFor("203.0.113.7")).isEmpty();
            assertThat(limit.acquire("203.0.113.7")).isEmpty();
        }

        assertThat(limit.waitFor("203.0.113.7")).hasValue(2);
        assertThat(limit.waitFor("203.0.113.8")).isEmpty();
    }

    @Test
    void aRefundedTokenCanBeTakenAgainButNeverBeyondTheBucketsSize() {
        for (int i = 0; i < 30; i++) {
            assertThat(limit.acquire("203.0.113.7")).isEmpty();
        }
        assertThat(limit.acquire("203.0.113.7")).isPresent();

        limit.refund("203.0.113.7");

        assertThat(limit.acquire("203.0.113.7")).isEmpty();
        for (int i = 0; i < 100; i++) {
            limit.refund("203.0.113.8");
        }
        limit.acquire("203.0.113.9");
        for (int i = 0; i < 40; i++) {
            limit.refund("203.0.113.9");
        }
        int taken = 0;
        while (limit.acquire("203.0.113.9").isEmpty()) {
            taken++;
        }
        assertThat(taken).isEqualTo(30);
    }
}
