package org.makerspace.ledger.lab.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * From {@code since}, the lab no longer counts the partner's achievement as a certification. Withdrawing the trust
 * in the partner ends all its recognitions too, without this event.
 */
@Revision("1")
public record PartnerAchievementRecognitionWithdrawn(LabId labId, String partnerIssuerId, String partnerAchievementId,
                                                     String reason, Instant since) {
}
