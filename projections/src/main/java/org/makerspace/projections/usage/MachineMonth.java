package org.makerspace.projections.usage;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;

/**
 * The sessions of one machine that started in one month (UTC), in the order they started to be reported, one
 * entry per session id so that handling an event twice puts the same entry again. A list rather than a map: session
 * ids may hold dots, which MongoDB field names may not.
 */
record MachineMonth(MachineId machineId, LabId labId, YearMonth month, List<SessionUsage> sessions) {

    MachineMonth {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(month, "month");
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    Optional<SessionUsage> session(String sessionId) {
        return sessions.stream().filter(session -> session.sessionId().equals(sessionId)).findFirst();
    }

    /** Machine ids are unique within a lab only. */
    static String id(LabId lab, MachineId machine, YearMonth month) {
        return lab.value() + "|" + machine.value() + "|" + month;
    }

    static MachineMonth empty(MachineId machine, LabId lab, YearMonth month) {
        return new MachineMonth(machine, lab, month, List.of());
    }

    String id() {
        return id(labId, machineId, month);
    }

    MachineMonth with(SessionUsage usage) {
        List<SessionUsage> more = new ArrayList<>(sessions);
        more.removeIf(known -> known.sessionId().equals(usage.sessionId()));
        more.add(usage);
        return new MachineMonth(machineId, labId, month, more);
    }
}
