package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes an award of the member for good, whatever the facts behind it; its credential is revoked with it. */
public record RevokeAward(@TargetAggregateIdentifier MemberId memberId, AwardId awardId, String reason,
                          Instant revokedAt) {
}
