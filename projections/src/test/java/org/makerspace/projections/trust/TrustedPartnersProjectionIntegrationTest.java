package org.makerspace.projections.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.support.TestEvents.FABLAB;
import static org.makerspace.projections.support.TestEvents.OTHER_LAB;
import static org.makerspace.projections.support.TestEvents.days;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.PartnerAchievementRecognised;
import org.makerspace.ledger.lab.api.PartnerAchievementRecognitionWithdrawn;
import org.makerspace.ledger.lab.api.PartnerLabTrusted;
import org.makerspace.ledger.lab.api.PartnerTrustWithdrawn;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.projections.support.ObservedStorage;
import org.makerspace.projections.support.StoredDocuments;

class TrustedPartnersProjectionIntegrationTest {

    private static final String LYON = "https://badges.fablab-lyon.example/ob3/issuers/lyon";
    private static final String BERLIN = "https://badges.fablab-berlin.example/issuers/1";

    private ObservedStorage observed;
    private TrustedPartnersProjection trust;

    @BeforeEach
    void freshStorage() {
        observed = ObservedStorage.open("trust");
        trust = new TrustedPartnersProjection(observed.storage());
    }

    @AfterEach
    void close() {
        observed.close();
    }

    @Test
    void labShowsThePartnersItTrustsInOrder() {
        trust.on(new PartnerLabTrusted(FABLAB, LYON, "Fablab Lyon", days(1)));
        trust.on(new PartnerLabTrusted(FABLAB, BERLIN, "Fablab Berlin", days(2)));

        assertThat(trust.find(new FindLabPartners(FABLAB)).partners()).containsExactly(
                new TrustedPartner(LYON, "Fablab Lyon", days(1)), new TrustedPartner(BERLIN, "Fablab Berlin", days(2)));
        assertThat(trust.find(new FindLabPartners(OTHER_LAB)).partners()).isEmpty();
    }

    @Test
    void issuerIsTrustedWhileAtLeastOneLabTrustsIt() {
        trust.on(new PartnerLabTrusted(FABLAB, LYON, "Fablab Lyon", days(1)));
        trust.on(new PartnerLabTrusted(OTHER_LAB, LYON, "Lyon", days(2)));
        trust.on(new PartnerTrustWithdrawn(FABLAB, LYON, "audit pending", days(3)));

        PartnerIssuer lyon = trust.find(new FindPartnerIssuer(LYON));
        assertThat(lyon.trusted()).isTrue();
        assertThat(lyon.trustedBy(OTHER_LAB)).isTrue();
        assertThat(lyon.trustedBy(FABLAB)).isFalse();
        assertThat(lyon.trustedBy()).containsExactly(new TrustingLab(OTHER_LAB, days(2)));
        assertThat(trust.find(new FindLabPartners(FABLAB)).partners()).isEmpty();

        trust.on(new PartnerTrustWithdrawn(OTHER_LAB, LYON, "left the network", days(4)));
        assertThat(trust.find(new FindPartnerIssuer(LYON)).trusted()).isFalse();
    }

    @Test
    void issuerNoLabDeclaredIsNotTrusted() {
        assertThat(trust.find(new FindPartnerIssuer(BERLIN))).isEqualTo(new PartnerIssuer(BERLIN, List.of()));
        assertThat(trust.find(new FindPartnerIssuer(BERLIN)).trusted()).isFalse();
    }

    @Test
    void applyingEventsTwiceLeavesTheSameDocuments() {
        PartnerLabTrusted trusted = new PartnerLabTrusted(FABLAB, LYON, "Fablab Lyon", days(1));
        PartnerLabTrusted berlin = new PartnerLabTrusted(FABLAB, BERLIN, "Fablab Berlin", days(2));
        PartnerTrustWithdrawn withdrawn = new PartnerTrustWithdrawn(FABLAB, LYON, "audit pending", days(3));
        trust.on(trusted);
        trust.on(berlin);
        trust.on(withdrawn);
        var once = StoredDocuments.readModels(observed.storage().database());

        trust.on(trusted);
        trust.on(berlin);
        trust.on(withdrawn);

        assertThat(StoredDocuments.readModels(observed.storage().database())).isEqualTo(once);
    }

    @Test
    void everyReadIsAPointLookupOnId() {
        trust.on(new PartnerLabTrusted(FABLAB, LYON, "Fablab Lyon", days(1)));
        observed.reset();

        trust.find(new FindLabPartners(FABLAB));
        trust.find(new FindPartnerIssuer(LYON));
        trust.on(new PartnerTrustWithdrawn(FABLAB, LYON, "audit pending", days(3)));

        assertThat(observed.reads()).isNotEmpty().allMatch(ObservedStorage::isPointLookupOnId);
    }

    @Test
    void resetForgetsEveryPartner() {
        trust.on(new PartnerLabTrusted(FABLAB, LYON, "Fablab Lyon", days(1)));

        trust.reset();

        assertThat(trust.find(new FindLabPartners(FABLAB)).partners()).isEmpty();
        assertThat(trust.find(new FindPartnerIssuer(LYON)).trusted()).isFalse();
    }

    private static final String LYON_LASER = "https://badges.fablab-lyon.example/achievements/laser-basics";
    private static final String LYON_CNC = "https://badges.fablab-lyon.example/achievements/cnc-basics";
    private static final CertificationScope LASERS = new CertificationScope.MachineFamily(MachineType.LASER_CUTTER);
    private static final CertificationScope MILLS = new CertificationScope.MachineFamily(MachineType.CNC_MILL);

    @Test
    void partnerShowsTheAchievementsTheLabRecognisesUntilWithdrawn() {
        trust.on(new PartnerLabTrusted(FABLAB, LYON, "Fablab Lyon", days(1)));
        trust.on(new PartnerAchievementRecognised(FABLAB, LYON, LYON_LASER, LASERS, CertificationLevel.AUTONOMOUS,
                                                  days(2)));
        trust.on(new PartnerAchievementRecognised(FABLAB, LYON, LYON_CNC, MILLS, CertificationLevel.SUPERVISED,
                                                  days(3)));
        trust.on(new PartnerAchievementRecognitionWithdrawn(FABLAB, LYON, LYON_LASER, "syllabus changed", days(4)));

        assertThat(trust.find(new FindLabPartners(FABLAB)).partners()).containsExactly(
                new TrustedPartner(LYON, "Fablab Lyon", days(1), List.of(
                        new RecognisedAchievement(LYON_CNC, MILLS, CertificationLevel.SUPERVISED, days(3)))));
    }

    @Test
    void trustingAPartnerAgainAfterWithdrawalStartsWithoutRecognitions() {
        trust.on(new PartnerLabTrusted(FABLAB, LYON, "Fablab Lyon", days(1)));
        trust.on(new PartnerAchievementRecognised(FABLAB, LYON, LYON_LASER, LASERS, CertificationLevel.AUTONOMOUS,
                                                  days(2)));
        trust.on(new PartnerTrustWithdrawn(FABLAB, LYON, "audit pending", days(3)));
        trust.on(new PartnerLabTrusted(FABLAB, LYON, "Fablab Lyon", days(4)));

        assertThat(trust.find(new FindLabPartners(FABLAB)).partners())
                .containsExactly(new TrustedPartner(LYON, "Fablab Lyon", days(4)));
    }

    @Test
    void aRedeliveredTrustKeepsTheRecognisedAchievements() {
        PartnerLabTrusted trusted = new PartnerLabTrusted(FABLAB, LYON, "Fablab Lyon", days(1));
        trust.on(trusted);
        trust.on(new PartnerAchievementRecognised(FABLAB, LYON, LYON_LASER, LASERS, CertificationLevel.AUTONOMOUS,
                                                  days(2)));

        trust.on(trusted);

        assertThat(trust.find(new FindLabPartners(FABLAB)).partners().get(0).recognisedAchievements())
                .extracting(RecognisedAchievement::achievementId).containsExactly(LYON_LASER);
    }
}
