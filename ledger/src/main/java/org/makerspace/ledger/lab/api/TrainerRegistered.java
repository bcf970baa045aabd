package org.makerspace.ledger.lab.api;

import org.axonframework.serialization.Revision;

/** A trainer joined a lab. */
@Revision("1")
public record TrainerRegistered(LabId labId, TrainerId trainerId) {
}
