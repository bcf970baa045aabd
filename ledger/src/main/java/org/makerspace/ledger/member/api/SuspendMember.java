package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Suspends a member from every machine, whatever their certifications. */
public record SuspendMember(@TargetAggregateIdentifier MemberId memberId, String reason, Instant suspendedAt) {
}
