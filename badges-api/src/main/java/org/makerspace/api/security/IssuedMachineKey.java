package org.makerspace.api.security;

import java.time.Instant;

/**
 * A machine key just issued. {@code key} is the clear key, which exists nowhere else: answer it once to whoever
 * configures the controller box, which sends it as {@code Authorization: Bearer <key>}.
 */
public record IssuedMachineKey(String key, String labId, String machineId, Instant createdAt) {
}
