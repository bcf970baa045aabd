package org.makerspace.controller.simulator;

import java.time.Instant;

/**
 * A session the controller ended, as it reports it: when, why ({@code finished}, {@code time_limit},
 * {@code permission_revoked}, {@code closing_time}, {@code fault}) and the whole minutes it ran.
 */
public record SessionEnd(String sessionId, Instant endedAt, String reason, int minutes) {
}
