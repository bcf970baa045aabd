package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A lab suspended an award of the member; it can be reinstated. */
@Revision("1")
public record AwardSuspended(MemberId memberId, AwardId awardId, String reason, Instant suspendedAt) {
}
