package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects a contribution recorded by mistake. */
public record RetractWorkshopContribution(@TargetAggregateIdentifier MemberId memberId, ContributionId contributionId, String reason, Instant retractedAt) {
}
