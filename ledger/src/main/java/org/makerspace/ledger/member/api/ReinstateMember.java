package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lifts a member's suspension. */
public record ReinstateMember(@TargetAggregateIdentifier MemberId memberId, Instant reinstatedAt) {
}
