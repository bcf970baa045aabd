package org.makerspace.ledger.member.api;

import java.time.Instant;
import java.math.BigDecimal;
import org.makerspace.ledger.lab.api.LabId;
import org.axonframework.serialization.Revision;

/** A member contributed to a workshop in a role. */
@Revision("1")
public record WorkshopContributionRecorded(MemberId memberId, ContributionId contributionId, LabId labId, String workshop, ContributionRole role, BigDecimal hours, Instant happenedAt) {
}
