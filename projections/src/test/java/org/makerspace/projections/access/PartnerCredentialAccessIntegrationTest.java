package org.makerspace.projections.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.support.TestEvents.ADA;
import static org.makerspace.projections.support.TestEvents.FABLAB;
import static org.makerspace.projections.support.TestEvents.LASER;
import static org.makerspace.projections.support.TestEvents.OTHER_LAB;
import static org.makerspace.projections.support.TestEvents.PRINTER;
import static org.makerspace.projections.support.TestEvents.T0;
import static org.makerspace.projections.support.TestEvents.certification;
import static org.makerspace.projections.support.TestEvents.days;
import static org.makerspace.projections.support.TestEvents.laserRegistered;
import static org.makerspace.projections.support.TestEvents.printerRegistered;
import static org.makerspace.projections.support.TestEvents.registered;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.PartnerAchievementRecognised;
import org.makerspace.ledger.lab.api.PartnerAchievementRecognitionWithdrawn;
import org.makerspace.ledger.lab.api.PartnerTrustWithdrawn;
import org.makerspace.ledger.lab.api.RiskLevel;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.recognition.api.ExternalCredentialImported;
import org.makerspace.ledger.recognition.api.ImportId;
import org.makerspace.ledger.recognition.api.ImportedCredentialIssuerStatusChanged;
import org.makerspace.ledger.recognition.api.IssuerStatus;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.ObservedStorage;

/** A machine satisfied by a trusted partner's credential that the member imported and the machine's lab recognises. */
class PartnerCredentialAccessIntegrationTest {

    private static final String LYON = "https://badges.fablab-lyon.example/issuers/main";
    private static final String LYON_LASER = "https://badges.fablab-lyon.example/achievements/laser-basics";
    private static final String LYON_CNC = "https://badges.fablab-lyon.example/achievements/cnc-basics";
    private static final String CREDENTIAL = "https://badges.fablab-lyon.example/credentials/42";
    private static final CertificationScope LASERS = new CertificationScope.MachineFamily(MachineType.LASER_CUTTER);
    private static final Instant IMPORTED = days(10);
    private static final Instant NOW = days(30);

    private ObservedStorage observed;
    private LedgerStorage storage;
    private AccessProjection access;

    @BeforeEach
    void freshStorage() {
        observed = ObservedStorage.open("partner-access");
        storage = observed.storage();
        access = new AccessProjection(storage, new SimpleMeterRegistry());
        access.on(laserRegistered());
        access.on(printerRegistered());
        access.on(registered(ADA));
    }

    @AfterEach
    void close() {
        observed.close();
    }

    private static ExternalCredentialImported imported(String achievementId, Instant validUntil) {
        return new ExternalCredentialImported(ADA, ImportId.of("import-1"), LYON, achievementId, "Laser basics",
                                              CREDENTIAL, validUntil, IMPORTED, List.of());
    }

    private static PartnerAchievementRecognised recognised(LabId lab, CertificationScope scope, CertificationLevel level) {
        return new PartnerAchievementRecognised(lab, LYON, LYON_LASER, scope, level, days(1));
    }

    private AccessDecision adaAtTheLaser(Instant at) {
        return access.decide(LASER, AccessSubject.member(ADA), at);
    }

    @Test
    void grantsAccessThroughARecognisedPartnerCredential() {
        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, null));

        AccessDecision decision = adaAtTheLaser(NOW);

        assertThat(decision.granted()).isTrue();
        assertThat(decision.level()).isEqualTo(CertificationLevel.AUTONOMOUS);
        assertThat(decision.partnerCredentialId()).isEqualTo(CREDENTIAL);
        assertThat(decision.certificationId()).isNull();
        assertThat(decision.maxSessionMinutes()).isEqualTo(120);
    }

    @Test
    void deniesAPartnerCredentialOfAnAchievementTheLabDoesNotRecognise() {
        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_CNC, null));

        assertThat(adaAtTheLaser(NOW).reason()).isEqualTo(DenialReason.NO_CERTIFICATION);
    }

    @Test
    void anotherLabsRecognitionDoesNotOpenThisLabsMachine() {
        access.on(recognised(OTHER_LAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, null));

        assertThat(adaAtTheLaser(NOW).reason()).isEqualTo(DenialReason.NO_CERTIFICATION);
    }

    @Test
    void recognitionCoversOnlyTheMachinesOfItsScope() {
        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, null));

        assertThat(access.decide(PRINTER, AccessSubject.member(ADA), NOW).reason())
                .isEqualTo(DenialReason.NO_CERTIFICATION);
    }

    @Test
    void deniesAnExpiredPartnerCredentialAsExpired() {
        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, days(20)));

        AccessDecision decision = adaAtTheLaser(NOW);

        assertThat(decision.reason()).isEqualTo(DenialReason.EXPIRED);
        assertThat(decision.partnerCredentialId()).isEqualTo(CREDENTIAL);
        assertThat(decision.validUntil()).isEqualTo(days(20));
    }

    @Test
    void sessionIsShortenedToThePartnerCredentialsEnd() {
        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, NOW.plusSeconds(45 * 60 + 30)));

        assertThat(adaAtTheLaser(NOW).maxSessionMinutes()).isEqualTo(45);
    }

    @Test
    void supervisedRecognitionRequiresSupervision() {
        access.on(recognised(FABLAB, LASERS, CertificationLevel.SUPERVISED));
        access.on(imported(LYON_LASER, null));

        assertThat(adaAtTheLaser(NOW).reason()).isEqualTo(DenialReason.SUPERVISION_REQUIRED);
    }

    @Test
    void aCredentialCountsOnlyFromItsImport() {
        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, null));

        assertThat(adaAtTheLaser(IMPORTED.minusSeconds(1)).reason()).isEqualTo(DenialReason.NO_CERTIFICATION);
        assertThat(access.find(new FindMachineAccessList(LASER, IMPORTED.minusSeconds(1))).entries()).isEmpty();
        assertThat(access.find(new FindMachineAccessList(LASER, NOW)).entries())
                .containsExactly(new MachineAccessList.Entry(ADA, CertificationLevel.AUTONOMOUS, null));
    }

    @Test
    void withdrawingTheRecognitionEndsAccess() {
        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, null));

        access.on(new PartnerAchievementRecognitionWithdrawn(FABLAB, LYON, LYON_LASER, "syllabus changed", days(20)));

        assertThat(adaAtTheLaser(NOW).reason()).isEqualTo(DenialReason.NO_CERTIFICATION);
    }

    @Test
    void withdrawingTheTrustInThePartnerEndsAccess() {
        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, null));

        access.on(new PartnerTrustWithdrawn(FABLAB, LYON, "left the network", days(20)));

        assertThat(adaAtTheLaser(NOW).reason()).isEqualTo(DenialReason.NO_CERTIFICATION);
    }

    @Test
    void theLabsOwnCertificationDecidesOverAPartnerCredentialOfTheSameStanding() {
        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, null));
        access.on(certification(ADA, "cert-1", LASERS, CertificationLevel.AUTONOMOUS, new ExpiryRule.Never(), T0));

        AccessDecision decision = adaAtTheLaser(NOW);

        assertThat(decision.certificationId()).isEqualTo(CertificationId.of("cert-1"));
        assertThat(decision.partnerCredentialId()).isNull();
    }

    @Test
    void aValidPartnerCredentialBeatsTheLabsRevokedCertification() {
        access.on(certification(ADA, "cert-1", LASERS, CertificationLevel.AUTONOMOUS, new ExpiryRule.Never(), T0));
        access.on(new MachineCertificationRevoked(ADA, CertificationId.of("cert-1"),
                                                                                   "misuse", days(2)));
        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, null));

        assertThat(adaAtTheLaser(NOW).granted()).isTrue();
    }

    @Test
    void restartKeepsRecognitionsAndImportedCredentials() {
        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, null));

        AccessProjection restarted = new AccessProjection(storage, new SimpleMeterRegistry());

        assertThat(restarted.decide(LASER, AccessSubject.member(ADA), NOW)).usingRecursiveComparison()
                .ignoringFields("sessionId").isEqualTo(adaAtTheLaser(NOW));
        assertThat(restarted.decide(LASER, AccessSubject.member(ADA), NOW).granted()).isTrue();
    }

    @Test
    void applyingTheSameEventsTwiceLeavesTheSameDecision() {
        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, null));
        AccessDecision once = adaAtTheLaser(NOW);

        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, null));

        assertThat(adaAtTheLaser(NOW)).usingRecursiveComparison().ignoringFields("sessionId").isEqualTo(once);
    }

    // ---------------------------------------------------------------- what the issuer says of it

    private static ImportedCredentialIssuerStatusChanged issuerSays(IssuerStatus status, Instant at) {
        return new ImportedCredentialIssuerStatusChanged(ADA, CREDENTIAL, status, at, at);
    }

    @Test
    void aCredentialItsIssuerRevokedNoLongerOpensTheMachine() {
        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, null));

        access.on(issuerSays(IssuerStatus.REVOKED, days(20)));

        AccessDecision decision = adaAtTheLaser(NOW);
        assertThat(decision.reason()).isEqualTo(DenialReason.REVOKED);
        assertThat(decision.partnerCredentialId()).isEqualTo(CREDENTIAL);
    }

    @Test
    void aCredentialItsIssuerSuspendedCountsAgainOnceTheSuspensionIsLifted() {
        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, null));

        access.on(issuerSays(IssuerStatus.SUSPENDED, days(20)));
        DenialReason whileSuspended = adaAtTheLaser(NOW).reason();
        access.on(issuerSays(IssuerStatus.ACTIVE, days(25)));

        assertThat(whileSuspended).isEqualTo(DenialReason.SUSPENDED);
        assertThat(adaAtTheLaser(NOW).granted()).isTrue();
    }

    @Test
    void aCredentialWhoseIssuerIsOutOfReachStopsCountingOnHighRiskMachinesOnly() {
        MachineId smallLaser = MachineId.of("laser-small");
        access.on(new MachineRegistered(FABLAB, smallLaser, "Small laser", MachineType.LASER_CUTTER, RiskLevel.LOW,
                                        60));
        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, null));

        access.on(issuerSays(IssuerStatus.UNREACHABLE, days(20)));

        assertThat(adaAtTheLaser(NOW).reason()).as("the big laser is a high-risk machine")
                .isEqualTo(DenialReason.PARTNER_STATUS_UNAVAILABLE);
        assertThat(access.decide(smallLaser, AccessSubject.member(ADA), NOW).granted())
                .as("the small laser is a low-risk machine").isTrue();
        access.on(issuerSays(IssuerStatus.ACTIVE, days(21)));
        assertThat(adaAtTheLaser(NOW).granted()).as("once the issuer answers again").isTrue();
    }

    @Test
    void theLabsOwnCertificationStillOpensTheMachineWhenThePartnersCredentialIsRevoked() {
        access.on(recognised(FABLAB, LASERS, CertificationLevel.AUTONOMOUS));
        access.on(imported(LYON_LASER, null));
        access.on(certification(ADA, "cert-own", LASERS, CertificationLevel.AUTONOMOUS, new ExpiryRule.Never(), days(5)));

        access.on(issuerSays(IssuerStatus.REVOKED, days(20)));

        AccessDecision decision = adaAtTheLaser(NOW);
        assertThat(decision.granted()).isTrue();
        assertThat(decision.partnerCredentialId()).isNull();
    }
}
