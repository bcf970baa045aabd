package org.makerspace.projections.issuance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Why an award's credential is revoked or suspended. A revocation is final and the first one is kept. A credential
 * is suspended while at least one cause holds: the lab's own suspension of the award ({@value #LAB}), or the
 * suspension of a certification in its evidence ({@code certification:<id>}); reinstating one cause leaves the
 * others. Kept whether or not the credential is issued yet, so that a decision never waits for, nor is lost by, the
 * order of events.
 */
record StatusCauses(String awardId, Instant revokedAt, String revocationReason, List<String> suspendedBy,
                    Instant changedAt) {

    static final String LAB = "lab";

    StatusCauses {
        Objects.requireNonNull(awardId, "awardId");
        suspendedBy = suspendedBy == null ? List.of() : List.copyOf(suspendedBy);
    }

    static StatusCauses none(String awardId) {
        return new StatusCauses(awardId, null, null, List.of(), null);
    }

    static String certification(String certificationId) {
        return "certification:" + certificationId;
    }

    boolean revoked() {
        return revokedAt != null;
    }

    boolean suspended() {
        return !suspendedBy.isEmpty();
    }

    StatusCauses revoke(String reason, Instant at) {
        return revoked() ? this : new StatusCauses(awardId, at, reason, suspendedBy, at);
    }

    StatusCauses suspend(String cause, Instant at) {
        if (suspendedBy.contains(cause)) {
            return this;
        }
        List<String> more = new ArrayList<>(suspendedBy);
        more.add(cause);
        return new StatusCauses(awardId, revokedAt, revocationReason, more, at);
    }

    StatusCauses reinstate(String cause, Instant at) {
        if (!suspendedBy.contains(cause)) {
            return this;
        }
        List<String> fewer = new ArrayList<>(suspendedBy);
        fewer.remove(cause);
        return new StatusCauses(awardId, revokedAt, revocationReason, fewer, at);
    }
}
