package org.makerspace.projections.trust;

import java.util.Objects;

/**
 * Asks which of our labs trust an issuer, by its OB 3.0 issuer profile URL (exactly as credentials name it);
 * answered with {@link PartnerIssuer}, trusted by none when no lab declared it.
 */
public record FindPartnerIssuer(String issuerId) {

    public FindPartnerIssuer {
        Objects.requireNonNull(issuerId, "issuerId");
    }
}
