package org.makerspace.ledger.lab.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A machine went out of service at the given business time. */
@Revision("1")
public record MachinePutOutOfService(LabId labId, MachineId machineId, String reason, Instant since) {
}
