package org.makerspace.projections.trust;

import java.util.List;
import java.util.Objects;
import org.makerspace.ledger.lab.api.LabId;

/**
 * An issuer outside this installation and the labs of ours that trust it now, in the order they did; an issuer no
 * lab trusts has none.
 */
public record PartnerIssuer(String issuerId, List<TrustingLab> trustedBy) {

    public PartnerIssuer {
        Objects.requireNonNull(issuerId, "issuerId");
        trustedBy = trustedBy == null ? List.of() : List.copyOf(trustedBy);
    }

    static PartnerIssuer untrusted(String issuerId) {
        return new PartnerIssuer(issuerId, List.of());
    }

    String id() {
        return issuerId;
    }

    /** Whether at least one of our labs trusts the issuer: then its keys and status lists may be fetched. */
    public boolean trusted() {
        return !trustedBy.isEmpty();
    }

    /** Whether this lab trusts the issuer. */
    public boolean trustedBy(LabId lab) {
        return trustedBy.stream().anyMatch(trusting -> trusting.labId().equals(lab));
    }

    PartnerIssuer trustedBy(TrustingLab lab) {
        return new PartnerIssuer(issuerId, Upserts.put(trustedBy, TrustingLab::labId, lab));
    }

    PartnerIssuer withdrawnBy(LabId lab) {
        return new PartnerIssuer(issuerId, Upserts.remove(trustedBy, TrustingLab::labId, lab));
    }
}
