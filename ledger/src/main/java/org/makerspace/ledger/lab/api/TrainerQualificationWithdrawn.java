package org.makerspace.ledger.lab.api;

import org.axonframework.serialization.Revision;

/** The lab withdrew a trainer's qualification on a machine type. */
@Revision("1")
public record TrainerQualificationWithdrawn(LabId labId, TrainerId trainerId, MachineType machineType, String reason) {
}
