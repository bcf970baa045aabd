package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects a training recorded by mistake; the original event stays in the ledger. */
public record RetractTrainingRecord(@TargetAggregateIdentifier MemberId memberId, TrainingId trainingId, String reason, Instant retractedAt) {
}
