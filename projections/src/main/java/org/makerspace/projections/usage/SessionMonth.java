package org.makerspace.projections.usage;

import java.time.YearMonth;
import org.makerspace.ledger.lab.api.MachineId;

/** Where a session's usage is kept, found by its id when the session's end is reported. */
record SessionMonth(String sessionId, MachineId machineId, YearMonth month) {
}
