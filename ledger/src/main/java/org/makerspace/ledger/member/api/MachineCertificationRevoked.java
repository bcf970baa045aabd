package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A certification was revoked; this is final, a new grant is needed. */
@Revision("1")
public record MachineCertificationRevoked(MemberId memberId, CertificationId certificationId, String reason, Instant revokedAt) {
}
