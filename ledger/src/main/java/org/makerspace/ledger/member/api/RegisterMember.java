package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.makerspace.ledger.lab.api.LabId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a learner in a lab; name, e-mail and birth year go to the member directory, not here. */
public record RegisterMember(@TargetAggregateIdentifier MemberId memberId, LabId labId, Instant registeredAt) {
}
