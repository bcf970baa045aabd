package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A suspended certification is valid again. */
@Revision("1")
public record MachineCertificationReinstated(MemberId memberId, CertificationId certificationId, Instant reinstatedAt) {
}
