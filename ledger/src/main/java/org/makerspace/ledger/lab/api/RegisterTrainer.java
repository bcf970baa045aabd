package org.makerspace.ledger.lab.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a trainer in a lab; the trainer's name and login live in the staff directory. */
public record RegisterTrainer(@TargetAggregateIdentifier LabId labId, TrainerId trainerId) {
}
