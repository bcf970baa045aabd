package org.makerspace.ledger.lab.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets when the lab ({@code machineId} null) or one of its machines is open. {@code hours} null: the lab is always
 * open, or the machine follows the lab's hours.
 */
public record SetOpeningHours(@TargetAggregateIdentifier LabId labId, MachineId machineId, OpeningHours hours) {
}
