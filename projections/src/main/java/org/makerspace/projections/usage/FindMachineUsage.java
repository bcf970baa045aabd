package org.makerspace.projections.usage;

import java.time.YearMonth;
import java.util.Objects;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;

/** Asks for a lab's machine's use from {@code from} to {@code to}, both months included, at most five years. */
public record FindMachineUsage(LabId labId, MachineId machineId, YearMonth from, YearMonth to) {

    public FindMachineUsage {
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from) || from.plusYears(5).isBefore(to)) {
            throw new IllegalArgumentException("usage is asked for 1 to 60 months, from " + from + " to " + to);
        }
    }
}
