package org.makerspace.projections.trust;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
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

    /**
     * This lab trusting the partner; a partner it trusts already (a redelivered event) keeps its place and its
     * recognised achievements, with the event's name and time.
     */
    LabPartners trusting(TrustedPartner partner) {
        TrustedPartner kept = partners.stream()
                .filter(known -> known.issuerId().equals(partner.issuerId()))
                .findFirst()
                .map(known -> new TrustedPartner(partner.issuerId(), partner.name(), partner.since(),
                                                 known.recognisedAchievements()))
                .orElse(partner);
        return new LabPartners(labId, Upserts.put(partners, TrustedPartner::issuerId, kept));
    }

    /** The partner's entry changed; a partner this lab does not trust is left out, as the ledger refuses it. */
    LabPartners changingPartner(String issuerId, UnaryOperator<TrustedPartner> change) {
        return new LabPartners(labId, partners.stream()
                .map(partner -> partner.issuerId().equals(issuerId) ? change.apply(partner) : partner)
                .toList());
    }

    LabPartners withdrawing(String issuerId) {
        return new LabPartners(labId, Upserts.remove(partners, TrustedPartner::issuerId, issuerId));
    }
}
