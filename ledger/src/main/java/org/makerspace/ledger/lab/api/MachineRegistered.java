package org.makerspace.ledger.lab.api;

import org.axonframework.serialization.Revision;

/** A machine was installed in a lab; members need a certification covering it or its type to use it. */
@Revision("1")
public record MachineRegistered(LabId labId, MachineId machineId, String name, MachineType machineType, RiskLevel riskLevel, int maxSessionMinutes) {
}
