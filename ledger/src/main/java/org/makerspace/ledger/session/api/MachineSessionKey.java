package org.makerspace.ledger.session.api;

import java.util.Objects;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;

/**
 * Identifies a session's stream: the id a controller gave it, scoped to its lab and machine. Controllers make ids
 * up offline, and server-given ids can be seen by other controllers, so an id alone could collide with (or be
 * used to block) another machine's session; the prefix keeps session streams apart from every other aggregate's,
 * since the event store keys streams by identifier alone.
 */
public record MachineSessionKey(LabId labId, MachineId machineId, SessionId sessionId) {

    public MachineSessionKey {
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    @Override
    public String toString() {
        return "session:" + labId.value() + "/" + machineId.value() + "/" + sessionId.value();
    }
}
