package org.makerspace.projections.trust;

import java.util.Objects;
import org.makerspace.ledger.lab.api.LabId;

/** Asks for the partners a lab trusts; answered with {@link LabPartners}, empty for a lab that declared none. */
public record FindLabPartners(LabId labId) {

    public FindLabPartners {
        Objects.requireNonNull(labId, "labId");
    }
}
