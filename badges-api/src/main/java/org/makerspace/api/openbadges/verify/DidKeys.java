package org.makerspace.api.openbadges.verify;

import java.util.Optional;
import org.makerspace.projections.credential.proof.Ed25519PublicKey;

/**
 * {@code did:key} verification methods: the key is the identifier itself ({@code did:key:z6Mk…#z6Mk…}), so checking a
 * signature made with one needs no fetching and trusts nobody. Only Ed25519 keys are read.
 */
final class DidKeys {

    static final String PREFIX = "did:key:";

    private DidKeys() {
    }

    static boolean isDidKey(String verificationMethod) {
        return verificationMethod != null && verificationMethod.startsWith(PREFIX);
    }

    /** The key the method names, if it is a well-formed Ed25519 {@code did:key} whose fragment repeats the key. */
    static Optional<Ed25519PublicKey> resolve(String verificationMethod) {
        if (!isDidKey(verificationMethod)) {
            return Optional.empty();
        }
        String rest = verificationMethod.substring(PREFIX.length());
        int hash = rest.indexOf('#');
        String key = hash < 0 ? rest : rest.substring(0, hash);
        if (hash >= 0 && !rest.substring(hash + 1).equals(key)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Ed25519PublicKey.fromMultibase(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The DID a {@code did:key} verification method belongs to: the part before the fragment. */
    static String controllerOf(String verificationMethod) {
        int hash = verificationMethod.indexOf('#');
        return hash < 0 ? verificationMethod : verificationMethod.substring(0, hash);
    }
}
