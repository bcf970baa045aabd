package org.makerspace.projections.issuance;

import java.time.Instant;

/**
 * What an issued credential's status lists say now, with the revocation's time and reason for documents that show
 * them (an Open Badges 2.0 assertion answers 410 Gone with them), and since when it is suspended, if it is.
 */
public record CredentialState(String awardId, boolean revoked, boolean suspended, Instant revokedAt,
                              String revocationReason, Instant suspendedAt) {

    /** Neither revoked nor suspended. */
    public boolean active() {
        return !revoked && !suspended;
    }
}
