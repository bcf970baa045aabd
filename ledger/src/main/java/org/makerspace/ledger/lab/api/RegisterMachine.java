package org.makerspace.ledger.lab.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a machine in a lab, in service since {@code inServiceSince} (business time; required). */
public record RegisterMachine(@TargetAggregateIdentifier LabId labId, MachineId machineId, String name,
                              MachineType machineType, RiskLevel riskLevel, int maxSessionMinutes, Instant inServiceSince) {
}
