package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Unlinks a lost or returned card. */
public record UnlinkMemberCard(@TargetAggregateIdentifier MemberId memberId, String cardFingerprint, String reason, Instant unlinkedAt) {
}
