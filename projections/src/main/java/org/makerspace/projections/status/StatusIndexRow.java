package org.makerspace.projections.status;

import java.util.Objects;
import org.makerspace.ledger.lab.api.LabId;

/** The index an award holds in its lab's lists, stored under the award id so that registering again finds it. */
record StatusIndexRow(String awardId, LabId labId, int index) {

    StatusIndexRow {
        Objects.requireNonNull(awardId, "awardId");
        Objects.requireNonNull(labId, "labId");
    }
}
