package org.makerspace.ledger.lab.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lets a trainer train and certify on a machine type. */
public record QualifyTrainer(@TargetAggregateIdentifier LabId labId, TrainerId trainerId, MachineType machineType) {
}
