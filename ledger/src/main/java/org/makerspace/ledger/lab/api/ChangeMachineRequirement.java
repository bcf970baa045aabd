package org.makerspace.ledger.lab.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.makerspace.ledger.member.api.CertificationLevel;

/**
 * Sets what a machine asks of the members who use it: a certification at {@code minimumLevel} at least, and, when
 * {@code maxMonthsWithoutUse} is given (1 to 120), one used on the machines it covers (or granted) within that many
 * months. A machine never given a requirement asks for SUPERVISED and no recent use.
 */
public record ChangeMachineRequirement(@TargetAggregateIdentifier LabId labId, MachineId machineId,
                                       CertificationLevel minimumLevel, Integer maxMonthsWithoutUse) {
}
