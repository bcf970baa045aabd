package org.makerspace.projections.catalog;

import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;

/** Routes a machine id to the lab document that holds the machine. */
record MachineLab(MachineId machineId, LabId labId) {

    String id() {
        return machineId.value();
    }
}
