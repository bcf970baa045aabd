package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A certification was suspended; it can be reinstated. */
@Revision("1")
public record MachineCertificationSuspended(MemberId memberId, CertificationId certificationId, String reason, Instant suspendedAt) {
}
