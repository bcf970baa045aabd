package org.makerspace.projections.credential.issuer;

import java.time.Instant;
import java.util.Objects;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.projections.credential.proof.Ed25519PublicKey;

/**
 * The public side of a lab's signing key: it signs credentials from {@code validFrom} until a newer key takes over;
 * {@code active} marks the lab's newest key. Never holds private material, so it may be shown and logged.
 */
public record IssuerKey(String keyId, LabId labId, Ed25519PublicKey publicKey, Instant validFrom, boolean active) {

    public IssuerKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(validFrom, "validFrom");
    }
}
