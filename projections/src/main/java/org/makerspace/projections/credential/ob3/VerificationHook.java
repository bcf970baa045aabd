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

    /** What the hook concluded, with a precise reason for people and, when the hook has one, a code for programs. */
    record Outcome(boolean ok, String detail, String reason) {

        public static Outcome ok(String detail) {
            return new Outcome(true, detail, null);
        }

        public static Outcome ok(String reason, String detail) {
            return new Outcome(true, detail, reason);
        }

        public static Outcome failed(String detail) {
            return new Outcome(false, detail, null);
        }

        public static Outcome failed(String reason, String detail) {
            return new Outcome(false, detail, reason);
        }
    }

    /** The credential under verification; {@code verificationMethod} is null if the proof named none. */
    record Presented(ObjectNode credential, String verificationMethod, Instant now) {
    }
}
