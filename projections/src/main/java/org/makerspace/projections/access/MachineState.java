package org.makerspace.projections.access;

import java.time.Instant;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineType;

/** A machine as access control needs it; {@code outOfServiceSince} is present while it is out of service. */
record MachineState(MachineId machineId, LabId labId, MachineType machineType, int maxSessionMinutes,
                    String outOfServiceReason, Instant outOfServiceSince) {

    static MachineState of(MachineRegistered event) {
        return new MachineState(event.machineId(), event.labId(), event.machineType(), event.maxSessionMinutes(), null, null);
    }

    String id() {
        return machineId.value();
    }

    boolean inService() {
        return outOfServiceSince == null;
    }

    MachineState outOfService(String reason, Instant since) {
        return new MachineState(machineId, labId, machineType, maxSessionMinutes, reason, since);
    }

    MachineState backInService() {
        return new MachineState(machineId, labId, machineType, maxSessionMinutes, null, null);
    }
}
