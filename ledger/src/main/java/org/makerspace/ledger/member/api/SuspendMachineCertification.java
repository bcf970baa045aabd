package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Suspends a certification, for instance after an incident, pending review. */
public record SuspendMachineCertification(@TargetAggregateIdentifier MemberId memberId, CertificationId certificationId, String reason, Instant suspendedAt) {
}
