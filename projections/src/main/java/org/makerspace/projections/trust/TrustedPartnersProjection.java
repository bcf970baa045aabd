package org.makerspace.projections.trust;

import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.PartnerAchievementRecognised;
import org.makerspace.ledger.lab.api.PartnerAchievementRecognitionWithdrawn;
import org.makerspace.ledger.lab.api.PartnerLabTrusted;
import org.makerspace.ledger.lab.api.PartnerTrustWithdrawn;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.RowCollection;

/**
 * The partners our labs trust, kept twice: by lab and by issuer, each found by one lookup on {@code _id}. A handler
 * writes the lab's document, then the issuer's; each write is an idempotent upsert, so a redelivery after a crash
 * between the two completes the second.
 */
@ProcessingGroup(TrustedPartnersProjection.PROCESSING_GROUP)
public class TrustedPartnersProjection {

    public static final String PROCESSING_GROUP = "trusted-partners";
    static final String LAB_PARTNERS = "trust_lab_partners";
    static final String PARTNER_ISSUERS = "trust_partner_issuers";

    private final RowCollection<LabPartners> labs;
    private final RowCollection<PartnerIssuer> issuers;

    public TrustedPartnersProjection(LedgerStorage storage) {
        this.labs = new RowCollection<>(storage, LAB_PARTNERS, LabPartners.class, LabPartners::id);
        this.issuers = new RowCollection<>(storage, PARTNER_ISSUERS, PartnerIssuer.class, PartnerIssuer::id);
    }

    // ---------------------------------------------------------------- queries

    @QueryHandler
    public LabPartners find(FindLabPartners query) {
        return labs.find(query.labId().value()).orElseGet(() -> LabPartners.none(query.labId()));
    }

    @QueryHandler
    public PartnerIssuer find(FindPartnerIssuer query) {
        return issuers.find(query.issuerId()).orElseGet(() -> PartnerIssuer.untrusted(query.issuerId()));
    }

    // ---------------------------------------------------------------- events

    @EventHandler
    void on(PartnerLabTrusted event) {
        updateLab(event.labId(), lab -> lab.trusting(
                new TrustedPartner(event.partnerIssuerId(), event.partnerName(), event.since())));
        updateIssuer(event.partnerIssuerId(), issuer -> issuer.trustedBy(new TrustingLab(event.labId(), event.since())));
    }

    @EventHandler
    void on(PartnerTrustWithdrawn event) {
        updateLab(event.labId(), lab -> lab.withdrawing(event.partnerIssuerId()));
        updateIssuer(event.partnerIssuerId(), issuer -> issuer.withdrawnBy(event.labId()));
    }

    @EventHandler
    void on(PartnerAchievementRecognised event) {
        updateLab(event.labId(), lab -> lab.changingPartner(event.partnerIssuerId(), partner -> partner.recognising(
                new RecognisedAchievement(event.partnerAchievementId(), event.scope(), event.level(), event.since()))));
    }

    @EventHandler
    void on(PartnerAchievementRecognitionWithdrawn event) {
        updateLab(event.labId(), lab -> lab.changingPartner(event.partnerIssuerId(),
                partner -> partner.withdrawingRecognition(event.partnerAchievementId())));
    }

    @ResetHandler
    void reset() {
        labs.clear();
        issuers.clear();
    }

    private void updateLab(LabId lab, UnaryOperator<LabPartners> change) {
        LabPartners known = labs.find(lab.value()).orElseGet(() -> LabPartners.none(lab));
        LabPartners changed = change.apply(known);
        if (!changed.equals(known)) {
            labs.save(changed);
        }
    }

    private void updateIssuer(String issuerId, UnaryOperator<PartnerIssuer> change) {
        PartnerIssuer known = issuers.find(issuerId).orElseGet(() -> PartnerIssuer.untrusted(issuerId));
        PartnerIssuer changed = change.apply(known);
        if (!changed.equals(known)) {
            issuers.save(changed);
        }
    }
}
