package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member may use no machine until reinstated. */
@Revision("1")
public record MemberSuspended(MemberId memberId, String reason, Instant suspendedAt) {
}
