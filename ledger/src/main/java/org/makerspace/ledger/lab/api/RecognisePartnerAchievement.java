package org.makerspace.ledger.lab.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;

/**
 * Declares that a trusted partner's achievement stands for a certification here: a member who imported a credential
 * of that achievement may use the machines of {@code scope} at {@code level}, from {@code since}. The achievement is
 * named exactly as the partner's credentials name it (its {@code achievement.id}).
 */
public record RecognisePartnerAchievement(@TargetAggregateIdentifier LabId labId, String partnerIssuerId,
                                          String partnerAchievementId, CertificationScope scope,
                                          CertificationLevel level, Instant since) {
}
