package org.makerspace.ledger.member.api;

import java.time.Instant;
import java.math.BigDecimal;
import org.makerspace.ledger.lab.api.LabId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a member's contribution to a workshop. */
public record RecordWorkshopContribution(@TargetAggregateIdentifier MemberId memberId, ContributionId contributionId, LabId labId, String workshop, ContributionRole role, BigDecimal hours, Instant happenedAt) {
}
