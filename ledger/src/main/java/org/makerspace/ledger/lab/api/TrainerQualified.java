package org.makerspace.ledger.lab.api;

import org.axonframework.serialization.Revision;

/** The lab allowed a trainer to train and certify on a machine type. */
@Revision("1")
public record TrainerQualified(LabId labId, TrainerId trainerId, MachineType machineType) {
}
