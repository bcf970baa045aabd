package org.makerspace.ledger.lab.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A machine came back into service at the given business time. */
@Revision("1")
public record MachineReturnedToService(LabId labId, MachineId machineId, Instant since) {
}
