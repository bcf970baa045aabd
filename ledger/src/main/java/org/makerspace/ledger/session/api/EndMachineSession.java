package org.makerspace.ledger.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.makerspace.ledger.lab.api.MachineId;

/**
 * Records that a session on {@code machineId} ended at {@code endedAt} for {@code reason}, with the usage the
 * controller measured if it measures any ({@code minutes} of machine time, {@code energyWh}); either may be null.
 * The machine is named so that one controller cannot end another machine's session.
 */
public record EndMachineSession(@TargetAggregateIdentifier SessionId sessionId, MachineId machineId, Instant endedAt,
                                SessionEndReason reason, Integer minutes, Long energyWh) {
}
