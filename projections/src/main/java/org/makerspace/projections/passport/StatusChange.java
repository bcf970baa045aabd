package org.makerspace.projections.passport;

import java.time.Instant;

/** Why and when a record changed state: a suspension, a revocation or a retraction. */
public record StatusChange(String reason, Instant at) {
}
