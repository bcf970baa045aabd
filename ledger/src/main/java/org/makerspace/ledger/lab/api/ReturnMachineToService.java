package org.makerspace.ledger.lab.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Returns a machine to service. */
public record ReturnMachineToService(@TargetAggregateIdentifier LabId labId, MachineId machineId, Instant since) {
}
