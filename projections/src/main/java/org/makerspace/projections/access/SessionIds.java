package org.makerspace.projections.access;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Session ids for grants: a random prefix drawn once per process and a counter, unique across nodes and restarts
 * without a random draw per decision (the decision path has a budget of microseconds).
 */
final class SessionIds {

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    SessionIds() {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        this.prefix = "s-" + HexFormat.of().formatHex(random) + "-";
    }

    String next() {
        return prefix + Long.toString(counter.incrementAndGet(), 36);
    }
}
