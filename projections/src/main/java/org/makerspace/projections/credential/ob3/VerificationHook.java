package org.makerspace.projections.credential.ob3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A check the verifier leaves to its caller: whether the credential's status (revocation, suspension) allows it,
 * and whether its issuer is trusted. The hook gets the credential as presented, the verification method its proof
 * named, and the verification time.
 */
@FunctionalInterface
public interface VerificationHook {

    Outcome check(Presented presented);

    /** What the hook concluded, with a precise reason. */
    record Outcome(boolean ok, String detail) {

        public static Outcome ok(String detail) {
            return new Outcome(true, detail);
        }

        public static Outcome failed(String detail) {
            return new Outcome(false, detail);
        }
    }

    /** The credential under verification; {@code verificationMethod} is null if the proof named none. */
    record Presented(ObjectNode credential, String verificationMethod, Instant now) {
    }
}
