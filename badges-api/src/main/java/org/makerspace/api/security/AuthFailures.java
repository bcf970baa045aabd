package org.makerspace.api.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Counts refused credentials in {@code ledger.auth.failures}, tagged with the {@code kind} of refusal, so that an
 * operator sees password guessing or a controller box with a stale key.
 */
@Component
class AuthFailures {

    static final String METER = "ledger.auth.failures";

    /** The {@code kind} tag values. */
    enum Kind {
        UNKNOWN_USER, WRONG_PASSWORD, INVALID_TOKEN, INVALID_MACHINE_KEY, INVALID_SETUP_TOKEN, WRONG_CURRENT_PASSWORD;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final MeterRegistry registry;

    AuthFailures(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(Kind kind) {
        Counter.builder(METER)
                .description("Credentials refused: logins, bearer tokens, machine keys, setup tokens")
                .tag("kind", kind.tag())
                .register(registry)
                .increment();
    }
}
