package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A card, known only by its keyed fingerprint, now identifies the member at machines. */
@Revision("1")
public record MemberCardLinked(MemberId memberId, String cardFingerprint, Instant linkedAt) {
}
