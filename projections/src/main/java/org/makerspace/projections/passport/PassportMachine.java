package org.makerspace.projections.passport;

import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineType;

/** A machine and its type, so that a session on it can be credited to the certifications that cover it. */
record PassportMachine(LabId labId, MachineId machineId, MachineType machineType) {

    static String key(LabId lab, MachineId machine) {
        return lab.value() + "/" + machine.value();
    }

    String id() {
        return key(labId, machineId);
    }
}
