package org.makerspace.projections.issuance;

import java.time.Instant;

/**
 * What an issued credential's status lists say now, with the revocation's time and reason for documents that show
 * them (an Open Badges 2.0 assertion answers 410 Gone with them).
 */
public record CredentialState(String awardId, boolean revoked, boolean suspended, Instant revokedAt,
                              String revocationReason) {

    /** Neither revoked nor suspended. */
    public boolean active() {
        return !revoked && !suspended;
    }
}
