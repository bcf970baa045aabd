package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A lab lifted its suspension of an award. The credential's suspension bit clears unless a certification behind the
 * award is still suspended.
 */
@Revision("1")
public record AwardReinstated(MemberId memberId, AwardId awardId, Instant reinstatedAt) {
}
