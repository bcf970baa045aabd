package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A training record was found wrong and no longer counts. */
@Revision("1")
public record TrainingRecordRetracted(MemberId memberId, TrainingId trainingId, String reason, Instant retractedAt) {
}
