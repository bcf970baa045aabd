package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lifts a suspension. */
public record ReinstateMachineCertification(@TargetAggregateIdentifier MemberId memberId, CertificationId certificationId, Instant reinstatedAt) {
}
