package org.makerspace.projections.issuance;

import java.util.Objects;

/**
 * A learner's named copy of an award's credential, in both proof formats: the JSON-LD credential with its
 * eddsa-rdfc-2022 proof ({@code dataIntegrity}) and the compact VC-JWT ({@code jwt}), under its own {@code id}.
 */
public record NamedCredential(String awardId, String id, String dataIntegrity, String jwt) {

    public NamedCredential {
        Objects.requireNonNull(awardId, "awardId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dataIntegrity, "dataIntegrity");
        Objects.requireNonNull(jwt, "jwt");
    }
}
