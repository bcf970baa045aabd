package org.makerspace.api.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;
import org.makerspace.api.ratelimit.ClientRateLimit;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing: each refused credential (a login, a bearer token, a machine key) takes a token from its
 * client address's bucket; an address with none left is refused before its credential is checked. A correct
 * credential costs nothing, so a controller or a person who gets it right is never throttled by their own use.
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

    /** Empty when the request's address may try a credential, else the seconds it must wait (and it is counted). */
    OptionalLong refusal(HttpServletRequest request) {
        OptionalLong wait = failures.waitFor(clientOf(request));
        if (wait.isPresent()) {
            throttled.increment();
        }
        return wait;
    }

    void failed(HttpServletRequest request) {
        failures.acquire(clientOf(request));
    }

    int perMinute() {
        return failures.perMinute();
    }

    private static String clientOf(HttpServletRequest request) {
        return ClientRateLimit.clientOf(request.getRemoteAddr());
    }
}
