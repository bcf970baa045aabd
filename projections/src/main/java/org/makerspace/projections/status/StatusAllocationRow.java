package org.makerspace.projections.status;

import java.util.Objects;
import org.makerspace.ledger.lab.api.LabId;

/** The next index a lab will hand out; indexes are handed out in the order awards are first registered. */
record StatusAllocationRow(LabId labId, int nextIndex) {

    StatusAllocationRow {
        Objects.requireNonNull(labId, "labId");
    }

    static StatusAllocationRow none(LabId labId) {
        return new StatusAllocationRow(labId, 0);
    }

    String id() {
        return labId.value();
    }

    /** This allocation, moved past {@code index} if it was not already. */
    StatusAllocationRow past(int index) {
        return index < nextIndex ? this : new StatusAllocationRow(labId, index + 1);
    }
}
