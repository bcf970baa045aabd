package org.makerspace.ledger.lab.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops a trainer from certifying on a machine type. */
public record WithdrawTrainerQualification(@TargetAggregateIdentifier LabId labId, TrainerId trainerId, MachineType machineType, String reason) {
}
