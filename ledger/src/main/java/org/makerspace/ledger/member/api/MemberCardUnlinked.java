package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A card no longer identifies the member. */
@Revision("1")
public record MemberCardUnlinked(MemberId memberId, String cardFingerprint, String reason, Instant unlinkedAt) {
}
