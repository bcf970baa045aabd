package org.makerspace.ledger.lab.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The lab recognises credentials of a partner from {@code since}; the partner is an issuer (a lab, a school, a
 * network), named by its OB 3.0 issuer profile URL and public name, not a person.
 */
@Revision("1")
public record PartnerLabTrusted(LabId labId, String partnerIssuerId, String partnerName, Instant since) {
}
