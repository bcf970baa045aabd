package org.makerspace.ledger.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;

/**
 * Records that a session on {@code machineId} ended at {@code endedAt} for {@code reason}, with the usage the
 * controller measured if it measures any ({@code minutes} of machine time, {@code energyWh}); either may be null.
 * The session is found under its lab and machine, so that one controller cannot end another machine's session.
 */
public record EndMachineSession(SessionId sessionId, LabId labId, MachineId machineId, Instant endedAt,
                                SessionEndReason reason, Integer minutes, Long energyWh) {

    /** The session's stream, scoped to the machine: see {@link MachineSessionKey}. */
    @TargetAggregateIdentifier
    public MachineSessionKey key() {
        return sessionId == null || labId == null || machineId == null ? null
                : new MachineSessionKey(labId, machineId, sessionId);
    }
}
