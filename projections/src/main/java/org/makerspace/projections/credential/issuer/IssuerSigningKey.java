package org.makerspace.projections.credential.issuer;

import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.proof.Ed25519SigningKey;

/** A lab's key with its decrypted private key, for signing; its string form hides the private key. */
public record IssuerSigningKey(IssuerKey key, Ed25519SigningKey signingKey) {

    /** The id of the verification method a proof made with this key names. */
    public String verificationMethod(PublicUrls urls) {
        return urls.verificationMethod(key.labId(), key.keyId());
    }
}
