package org.makerspace.projections.trust;

import java.time.Instant;
import java.util.Objects;
import org.makerspace.ledger.lab.api.LabId;

/** One of our labs that trusts a partner issuer, and since when (business time). */
public record TrustingLab(LabId labId, Instant since) {

    public TrustingLab {
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(since, "since");
    }
}
