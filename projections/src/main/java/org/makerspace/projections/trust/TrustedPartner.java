package org.makerspace.projections.trust;

import java.time.Instant;
import java.util.Objects;

/** A partner a lab trusts: its OB 3.0 issuer profile URL, its public name, and since when (business time). */
public record TrustedPartner(String issuerId, String name, Instant since) {

    public TrustedPartner {
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(since, "since");
    }
}
