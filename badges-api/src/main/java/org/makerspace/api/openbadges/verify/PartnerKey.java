package org.makerspace.api.openbadges.verify;

import java.util.Objects;
import org.makerspace.projections.credential.proof.Ed25519PublicKey;

/** A partner's public key as its verification method document states it, with the controller it names. */
record PartnerKey(String verificationMethod, String controller, Ed25519PublicKey publicKey) {

    PartnerKey {
        Objects.requireNonNull(verificationMethod, "verificationMethod");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
