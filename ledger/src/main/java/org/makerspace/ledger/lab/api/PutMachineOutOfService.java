package org.makerspace.ledger.lab.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a machine out of service, for a repair or a safety check. */
public record PutMachineOutOfService(@TargetAggregateIdentifier LabId labId, MachineId machineId, String reason, Instant since) {
}
