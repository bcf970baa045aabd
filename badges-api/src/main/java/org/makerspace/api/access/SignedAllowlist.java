package org.makerspace.api.access;

import java.time.Instant;
import org.makerspace.machine.protocol.CurrentAllowlist;

/**
 * A machine's allowlist as served: the compact JWS and its strong entity tag (quoted base64url SHA-256 of the JWS),
 * with what the stream announces of it.
 */
public record SignedAllowlist(String labId, String machineId, long version, Instant issuedAt, Instant expiresAt,
                              int entries, String compact, String etag) {

    CurrentAllowlist notice() {
        return new CurrentAllowlist(machineId, version, etag, issuedAt, expiresAt, entries);
    }
}
