package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes a certification for good. */
public record RevokeMachineCertification(@TargetAggregateIdentifier MemberId memberId, CertificationId certificationId, String reason, Instant revokedAt) {
}
