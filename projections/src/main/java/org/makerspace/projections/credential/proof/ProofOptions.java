package org.makerspace.projections.credential.proof;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The options of a Data Integrity proof besides its value: which key signs ({@code verificationMethod}), when
 * ({@code created}, kept to whole seconds) and for what ({@code proofPurpose}).
 */
public record ProofOptions(String verificationMethod, Instant created, String proofPurpose) {

    public static final String ASSERTION_METHOD = "assertionMethod";

    public ProofOptions {
        Objects.requireNonNull(verificationMethod, "verificationMethod");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(proofPurpose, "proofPurpose");
        created = created.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A proof that the issuer asserts the credential: the purpose of every issued credential. */
    public static ProofOptions assertion(String verificationMethod, Instant created) {
        return new ProofOptions(verificationMethod, created, ASSERTION_METHOD);
    }
}
