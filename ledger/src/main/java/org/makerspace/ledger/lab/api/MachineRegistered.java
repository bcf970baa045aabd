package org.makerspace.ledger.lab.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A machine was installed in a lab; members need a certification covering it or its type to use it.
 * {@code inServiceSince} is the business time it entered service, which may be long before the lab recorded it (a lab
 * adopting the ledger records its machines and its history with past dates); {@code null} in events recorded before
 * revision 2, which the upcaster keeps so: then it entered service when it was recorded.
 */
@Revision("2")
public record MachineRegistered(LabId labId, MachineId machineId, String name, MachineType machineType,
                                RiskLevel riskLevel, int maxSessionMinutes, Instant inServiceSince) {

    /** A machine entering service when it is recorded. */
    public MachineRegistered(LabId labId, MachineId machineId, String name, MachineType machineType, RiskLevel riskLevel,
                             int maxSessionMinutes) {
        this(labId, machineId, name, machineType, riskLevel, maxSessionMinutes, null);
    }
}
