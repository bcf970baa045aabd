package org.makerspace.ledger.member.api;

import java.time.Instant;
import java.math.BigDecimal;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.TrainerId;
import org.axonframework.serialization.Revision;

/** A member completed a training; {@code completedAt} is when it happened, not when it was recorded. */
@Revision("1")
public record TrainingCompleted(MemberId memberId, TrainingId trainingId, LabId labId, String courseCode, BigDecimal hours, TrainerId trainerId, Instant completedAt) {
}
