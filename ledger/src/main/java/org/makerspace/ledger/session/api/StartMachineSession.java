package org.makerspace.ledger.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.member.api.MemberId;

/**
 * Records that a member started using a machine at {@code startedAt}, as its controller reports it;
 * {@code decidedOffline} when the controller let them in from its signed allowlist without asking the server.
 */
public record StartMachineSession(SessionId sessionId, LabId labId, MachineId machineId, MemberId memberId,
                                  Instant startedAt, boolean decidedOffline) {

    /** The session's stream, scoped to the machine: see {@link MachineSessionKey}. */
    @TargetAggregateIdentifier
    public MachineSessionKey key() {
        return sessionId == null || labId == null || machineId == null ? null
                : new MachineSessionKey(labId, machineId, sessionId);
    }
}
