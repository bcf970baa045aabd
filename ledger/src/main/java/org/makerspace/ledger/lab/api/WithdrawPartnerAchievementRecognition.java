package org.makerspace.ledger.lab.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops counting a partner's achievement as a certification here, from {@code since}. */
public record WithdrawPartnerAchievementRecognition(@TargetAggregateIdentifier LabId labId, String partnerIssuerId,
                                                    String partnerAchievementId, String reason, Instant since) {
}
