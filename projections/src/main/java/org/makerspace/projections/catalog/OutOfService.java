package org.makerspace.projections.catalog;

import java.time.Instant;

/** Why a machine is out of service, and since when (the business time of the event). */
public record OutOfService(String reason, Instant since) {
}
