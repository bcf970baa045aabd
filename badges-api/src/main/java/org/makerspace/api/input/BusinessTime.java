package org.makerspace.api.input;

import java.time.Instant;

/**
 * The instants a client may send as business times ({@code registeredAt}, {@code grantedAt}, {@code endedAt}, an
 * {@code at} parameter, …): years 1900 to 9999, UTC. Before 1900 nothing the ledger records had happened; past 9999
 * an instant no longer prints with four year digits (which credentials and partners' parsers expect), and at the
 * extremes Java accepts ({@code +999999999-12-31T23:59:59Z}) adding a period or converting to milliseconds overflows.
 */
public final class BusinessTime {

    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** The bounds in words, for messages and the OpenAPI description. */
    public static final String BOUNDS = "from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z";

    private BusinessTime() {
    }

    public static boolean isWithinBounds(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }
}
