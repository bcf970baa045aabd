package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Suspends an award of the member pending review; its credential is suspended with it. */
public record SuspendAward(@TargetAggregateIdentifier MemberId memberId, AwardId awardId, String reason,
                           Instant suspendedAt) {
}
