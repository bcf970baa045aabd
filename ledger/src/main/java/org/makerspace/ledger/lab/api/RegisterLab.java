package org.makerspace.ledger.lab.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a lab as an issuer of certifications and badges. */
public record RegisterLab(@TargetAggregateIdentifier LabId labId, String name, String publicUrl, String contactEmail) {
}
