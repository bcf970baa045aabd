package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Links an access card to a member, by the card's keyed fingerprint (never the UID in clear). */
public record LinkMemberCard(@TargetAggregateIdentifier MemberId memberId, String cardFingerprint, Instant linkedAt) {
}
