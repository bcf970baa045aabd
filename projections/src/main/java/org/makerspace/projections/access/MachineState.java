package org.makerspace.projections.access;

import java.time.Instant;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.OpeningHours;
import org.makerspace.ledger.lab.api.RiskLevel;

/**
 * A machine as access control needs it: {@code outOfServiceSince} is present while it is out of service;
 * {@code openingHours} are its own (null: it follows its lab's).
 */
public record MachineState(MachineId machineId, LabId labId, MachineType machineType, RiskLevel riskLevel,
                           int maxSessionMinutes, String outOfServiceReason, Instant outOfServiceSince,
                           OpeningHours openingHours) {

    static MachineState of(MachineRegistered event) {
        return new MachineState(event.machineId(), event.labId(), event.machineType(), event.riskLevel(),
                                event.maxSessionMinutes(), null, null, null);
    }

    String id() {
        return machineId.value();
    }

    public boolean inService() {
        return outOfServiceSince == null;
    }

    /** How much harm it can do; documents written before risk levels were kept read as HIGH, the safe side. */
    public RiskLevel risk() {
        return riskLevel == null ? RiskLevel.HIGH : riskLevel;
    }

    MachineState outOfService(String reason, Instant since) {
        return new MachineState(machineId, labId, machineType, riskLevel, maxSessionMinutes, reason, since,
                                openingHours);
    }

    MachineState backInService() {
        return new MachineState(machineId, labId, machineType, riskLevel, maxSessionMinutes, null, null, openingHours);
    }

    MachineState withOpeningHours(OpeningHours hours) {
        return new MachineState(machineId, labId, machineType, riskLevel, maxSessionMinutes, outOfServiceReason,
                                outOfServiceSince, hours);
    }
}
