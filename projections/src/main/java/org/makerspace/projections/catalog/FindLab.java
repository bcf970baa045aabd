package org.makerspace.projections.catalog;

import java.util.Objects;
import org.makerspace.ledger.lab.api.LabId;

/** Asks for one lab; answered with its {@link LabView}, or null when the catalog knows no such registered lab. */
public record FindLab(LabId labId) {

    public FindLab {
        Objects.requireNonNull(labId, "labId");
    }
}
