package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lifts a lab's suspension of an award of the member. */
public record ReinstateAward(@TargetAggregateIdentifier MemberId memberId, AwardId awardId, Instant reinstatedAt) {
}
