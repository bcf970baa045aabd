package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A lab revoked an award of the member; this is final, and its credential's revocation bit is set. */
@Revision("1")
public record AwardRevoked(MemberId memberId, AwardId awardId, String reason, Instant revokedAt) {
}
