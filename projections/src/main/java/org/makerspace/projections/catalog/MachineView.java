package org.makerspace.projections.catalog;

import java.time.Instant;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.RiskLevel;

/**
 * A machine of a lab. {@code outOfService} is present while it is out of service; {@code inServiceSince} is when
 * it last came back into service, absent if it never left it.
 */
public record MachineView(MachineId machineId, LabId labId, String name, MachineType machineType, RiskLevel riskLevel,
                          int maxSessionMinutes, OutOfService outOfService, Instant inServiceSince) {

    static MachineView of(MachineRegistered event) {
        return new MachineView(event.machineId(), event.labId(), event.name(), event.machineType(), event.riskLevel(),
                               event.maxSessionMinutes(), null, null);
    }

    public boolean inService() {
        return outOfService == null;
    }

    MachineView outOfService(String reason, Instant since) {
        return new MachineView(machineId, labId, name, machineType, riskLevel, maxSessionMinutes,
                               new OutOfService(reason, since), null);
    }

    MachineView backInService(Instant since) {
        return new MachineView(machineId, labId, name, machineType, riskLevel, maxSessionMinutes, null, since);
    }
}
