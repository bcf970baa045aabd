package org.makerspace.projections.catalog;

import java.util.Objects;
import org.makerspace.ledger.lab.api.MachineId;

/** Asks for one machine; answered with its {@link MachineView}, lab id included, or null when it is unknown. */
public record FindMachine(MachineId machineId) {

    public FindMachine {
        Objects.requireNonNull(machineId, "machineId");
    }
}
