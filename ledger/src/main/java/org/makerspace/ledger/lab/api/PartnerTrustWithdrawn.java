package org.makerspace.ledger.lab.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The lab no longer recognises a partner's credentials from {@code since}. */
@Revision("1")
public record PartnerTrustWithdrawn(LabId labId, String partnerIssuerId, String reason, Instant since) {
}
