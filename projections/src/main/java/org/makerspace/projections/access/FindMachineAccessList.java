package org.makerspace.projections.access;

import java.time.Instant;
import java.util.Objects;
import org.makerspace.ledger.lab.api.MachineId;

/** Asks who may use a machine at {@code at}. */
public record FindMachineAccessList(MachineId machineId, Instant at) {

    public FindMachineAccessList {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(at, "at");
    }
}
