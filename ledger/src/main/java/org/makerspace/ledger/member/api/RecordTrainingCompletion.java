package org.makerspace.ledger.member.api;

import java.time.Instant;
import java.math.BigDecimal;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.TrainerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a member completed a training course with a trainer. */
public record RecordTrainingCompletion(@TargetAggregateIdentifier MemberId memberId, TrainingId trainingId, LabId labId, String courseCode, BigDecimal hours, TrainerId trainerId, Instant completedAt) {
}
