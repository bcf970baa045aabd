package org.makerspace.api.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;
import org.makerspace.api.ratelimit.ClientRateLimit;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing. A password login takes a token from its client address's bucket before the password is
 * checked and gets it back when the password is right, so that parallel guesses cannot all pass a check made
 * before any of them failed. A bearer token or machine key (random, too long to guess) is checked first: a valid
 * one always passes, and only a refused one takes a token, so one misconfigured controller behind a lab's shared
 * address does not lock its neighbours out; once that address has no token left, its refusals answer 429.
 */
@Component
class AuthThrottle {

    static final String METER = "ledger.auth.throttled";

    private final ClientRateLimit failures;
    private final Counter throttled;

    AuthThrottle(AuthProperties properties, MeterRegistry registry) {
        this.failures = new ClientRateLimit(properties.failuresPerMinute(), System::nanoTime);
        this.throttled = Counter.builder(METER)
                .description("Requests refused with 429 because their address sent too many wrong credentials")
                .register(registry);
    }

    /**
     * Takes a token for a password attempt: empty when the address may try, else the seconds it must wait (and the
     * refusal is counted). Give it back with {@link #succeeded} when the password is right.
     */
    OptionalLong attempt(HttpServletRequest request) {
        return counted(failures.acquire(clientOf(request)));
    }

    void succeeded(HttpServletRequest request) {
        failures.refund(clientOf(request));
    }

    /** A refused bearer credential: empty when it may be answered 401, else the seconds to answer 429 with. */
    OptionalLong refused(HttpServletRequest request) {
        return counted(failures.acquire(clientOf(request)));
    }

    private OptionalLong counted(OptionalLong wait) {
        if (wait.isPresent()) {
            throttled.increment();
        }
        return wait;
    }

    int perMinute() {
        return failures.perMinute();
    }

    private static String clientOf(HttpServletRequest request) {
        return ClientRateLimit.clientOf(request.getRemoteAddr());
    }
}
