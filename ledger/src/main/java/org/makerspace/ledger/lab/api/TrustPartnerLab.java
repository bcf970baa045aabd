package org.makerspace.ledger.lab.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Declares a lab of another network a partner: the lab then recognises the partner's Open Badges credentials. The
 * partner is named by its OB 3.0 issuer profile URL, the {@code issuer} of its credentials, from {@code since}.
 */
public record TrustPartnerLab(@TargetAggregateIdentifier LabId labId, String partnerIssuerId, String partnerName,
                              Instant since) {
}
