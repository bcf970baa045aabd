package org.makerspace.projections.trust;

import java.util.List;
import java.util.Objects;
import org.makerspace.ledger.lab.api.LabId;

/** The partners a lab trusts now, in the order it trusted them; empty for a lab that declared none. */
public record LabPartners(LabId labId, List<TrustedPartner> partners) {

    public LabPartners {
        Objects.requireNonNull(labId, "labId");
        partners = partners == null ? List.of() : List.copyOf(partners);
    }

    static LabPartners none(LabId labId) {
        return new LabPartners(labId, List.of());
    }

    String id() {
        return labId.value();
    }

    /** This lab trusting the partner; a partner it trusts already keeps its place with the event's name and time. */
    LabPartners trusting(TrustedPartner partner) {
        return new LabPartners(labId, Upserts.put(partners, TrustedPartner::issuerId, partner));
    }

    LabPartners withdrawing(String issuerId) {
        return new LabPartners(labId, Upserts.remove(partners, TrustedPartner::issuerId, issuerId));
    }
}
