package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.TrainerId;
import org.axonframework.serialization.Revision;

/** A qualified trainer certified a member; {@code grantedAt} is the business time of the assessment. */
@Revision("1")
public record MachineCertificationGranted(MemberId memberId, CertificationId certificationId, LabId labId, CertificationScope scope, CertificationLevel level, ExpiryRule expiry, TrainerId trainerId, Instant grantedAt) {
}
