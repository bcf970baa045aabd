package org.makerspace.ledger.session.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.member.api.MemberId;

/**
 * A session ended at {@code endedAt} for {@code reason}, with the usage the controller measured ({@code minutes},
 * {@code energyWh}; null when it measures none).
 */
@Revision("1")
public record MachineSessionEnded(SessionId sessionId, LabId labId, MachineId machineId, MemberId memberId,
                                  Instant endedAt, SessionEndReason reason, Integer minutes, Long energyWh) {
}
