package org.makerspace.projections.usage;

import java.util.List;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;

/** A machine's use month by month, oldest first; months without a session are left out. */
public record MachineUsage(MachineId machineId, LabId labId, List<MonthlyUsage> months) {

    public MachineUsage {
        months = List.copyOf(months);
    }
}
