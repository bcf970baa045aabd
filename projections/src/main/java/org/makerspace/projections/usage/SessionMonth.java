package org.makerspace.projections.usage;

import java.time.YearMonth;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;

/**
 * Where a session's usage is kept, found by the session's stream key ({@code session:<lab>/<machine>/<id>}) when
 * its end is reported.
 */
record SessionMonth(String key, LabId labId, MachineId machineId, YearMonth month) {
}
