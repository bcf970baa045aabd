package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A contribution record was found wrong and no longer counts. */
@Revision("1")
public record WorkshopContributionRetracted(MemberId memberId, ContributionId contributionId, String reason, Instant retractedAt) {
}
