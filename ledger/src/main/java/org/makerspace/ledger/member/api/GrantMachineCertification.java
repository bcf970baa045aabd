package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.TrainerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Certifies a member on a machine or machine type; only a trainer qualified on that type may do it. */
public record GrantMachineCertification(@TargetAggregateIdentifier MemberId memberId, CertificationId certificationId, LabId labId, CertificationScope scope, CertificationLevel level, ExpiryRule expiry, TrainerId trainerId, Instant grantedAt) {
}
