package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A suspended member may use machines again under their certifications. */
@Revision("1")
public record MemberReinstated(MemberId memberId, Instant reinstatedAt) {
}
