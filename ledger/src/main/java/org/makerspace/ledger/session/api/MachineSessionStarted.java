package org.makerspace.ledger.session.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.member.api.MemberId;

/**
 * A member started using a machine at {@code startedAt} (the controller's time, kept when it reports later from its
 * offline queue). A use under a certification: it restarts "expires after N months without use".
 */
@Revision("1")
public record MachineSessionStarted(SessionId sessionId, LabId labId, MachineId machineId, MemberId memberId,
                                    Instant startedAt, boolean decidedOffline) {
}
