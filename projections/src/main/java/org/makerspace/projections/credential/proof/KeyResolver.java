package org.makerspace.projections.credential.proof;

import java.util.Optional;

/** Finds the public key of a verification method by its id; empty when the id names no known key. */
@FunctionalInterface
public interface KeyResolver {

    Optional<Ed25519PublicKey> resolve(String verificationMethodId);
}
