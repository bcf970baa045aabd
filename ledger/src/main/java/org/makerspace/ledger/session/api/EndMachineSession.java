package org.makerspace.ledger.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a session ended at {@code endedAt} for {@code reason}, with the usage the controller measured if it
 * measures any ({@code minutes} of machine time, {@code energyWh}); either may be null.
 */
public record EndMachineSession(@TargetAggregateIdentifier SessionId sessionId, Instant endedAt,
                                SessionEndReason reason, Integer minutes, Long energyWh) {
}
