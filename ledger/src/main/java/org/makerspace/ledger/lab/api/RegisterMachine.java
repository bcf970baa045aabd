package org.makerspace.ledger.lab.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a machine in a lab. */
public record RegisterMachine(@TargetAggregateIdentifier LabId labId, MachineId machineId, String name, MachineType machineType, RiskLevel riskLevel, int maxSessionMinutes) {
}
