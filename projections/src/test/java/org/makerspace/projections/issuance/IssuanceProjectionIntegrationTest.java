package org.makerspace.projections.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.support.TestEvents.ADA;
import static org.makerspace.projections.support.TestEvents.BEN;
import static org.makerspace.projections.support.TestEvents.FABLAB;
import static org.makerspace.projections.support.TestEvents.LASER;
import static org.makerspace.projections.support.TestEvents.PRINTER;
import static org.makerspace.projections.support.TestEvents.certification;
import static org.makerspace.projections.support.TestEvents.days;
import static org.makerspace.projections.support.TestEvents.laserCertification;
import static org.makerspace.projections.support.TestEvents.laserRegistered;
import static org.makerspace.projections.support.TestEvents.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.AchievementRevised;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.achievement.api.HostedImage;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.AchievementAwarded;
import org.makerspace.ledger.member.api.AwardId;
import org.makerspace.ledger.member.api.AwardRedated;
import org.makerspace.ledger.member.api.AwardReinstated;
import org.makerspace.ledger.member.api.AwardRevoked;
import org.makerspace.ledger.member.api.AwardSuspended;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.ledger.session.api.SessionId;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.testing.TestMongo;
import org.makerspace.projections.award.Award;
import org.makerspace.projections.award.AwardDriver;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKey;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.issuer.MasterKey;
import org.makerspace.projections.credential.jsonld.BundledContexts;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.jsonld.SafeMode;
import org.makerspace.projections.credential.ob3.Check;
import org.makerspace.projections.credential.ob3.CredentialVerifier;
import org.makerspace.projections.credential.ob3.IssuerTrust;
import org.makerspace.projections.credential.ob3.OpenBadgesSchema;
import org.makerspace.projections.credential.ob3.VerificationReport;
import org.makerspace.projections.credential.proof.EddsaRdfc2022;
import org.makerspace.projections.status.StatusList;
import org.makerspace.projections.status.StatusListId;
import org.makerspace.projections.status.StatusListRegistry;
import org.makerspace.projections.status.StatusPurpose;
import org.makerspace.projections.support.StoredDocuments;

/**
 * Issuance reads the awards the ledger records (here recorded by the award decisions through {@link AwardDriver}) and
 * signs each credential in both formats with the lab's key, gives it a status index, keeps its end in step with the
 * certifications behind it, and flips its bits as the ledger revokes, suspends and reinstates the award or those
 * certifications. It sees every event of the stream itself, before the decisions that follow from it.
 */
class IssuanceProjectionIntegrationTest {

    private static final PublicUrls URLS = PublicUrls.of("https://badges.fablab-north.example");
    private static final AchievementId LASER_BADGE = AchievementId.of("laser-badge");
    private static final Criterion LASER_COURSE = new Criterion.TrainingCompleted("laser-basics");
    private static final Criterion LASER_HELD = new Criterion.CertificationHeld(MachineType.LASER_CUTTER,
                                                                                 CertificationLevel.AUTONOMOUS);
    private static final Instant LAB_REGISTERED = days(-30);
    private static final Instant CHECKED_AT = days(3);

    private final LedgerStorage storage = TestMongo.server().freshStorage("issuance");
    private final IssuerKeys keys = new IssuerKeys(storage, MasterKey.generate());
    private final StatusListRegistry registry = new StatusListRegistry(storage);
    private final IssuanceProjection issuance = new IssuanceProjection(storage, keys, registry, URLS);
    private final IssuedCredentials issued = new IssuedCredentials(storage, registry);
    private final List<AchievementAwarded> made = new ArrayList<>();
    private final AwardDriver awards = new AwardDriver(storage).following(event -> {
        if (event instanceof AchievementAwarded award) {
            made.add(award);
            issuance.on(award);
        } else {
            issuance.on((AwardRedated) event);
        }
    });

    @BeforeEach
    void labWithLaserBadge() {
        issuance.on(new LabRegistered(FABLAB, "Fablab North", "https://north.example", "hi@north.example"),
                    LAB_REGISTERED);
        apply(laserRegistered(), "laser-registered");
        AchievementDefined laserBadge = new AchievementDefined(LASER_BADGE, FABLAB, 1, "Laser operator",
                                                               "Trained and certified on the laser",
                                                               List.of(LASER_COURSE, LASER_HELD), null);
        issuance.on(laserBadge);
        awards.define(laserBadge);
    }

    /** An event of the stream: issuance sees it, then the award decisions, and any award they record follows. */
    private void apply(Object event, String eventId) {
        if (event instanceof MachineRegistered machine) {
            issuance.on(machine);
        } else if (event instanceof MachineCertificationGranted granted) {
            issuance.on(granted);
        } else if (event instanceof MachineSessionStarted session) {
            issuance.on(session);
        } else if (event instanceof MachineCertificationSuspended suspended) {
            issuance.on(suspended);
        } else if (event instanceof MachineCertificationReinstated reinstated) {
            issuance.on(reinstated);
        } else if (event instanceof MachineCertificationRevoked revoked) {
            issuance.on(revoked);
        }
        awards.apply(event, eventId);
    }

    /** Trains and certifies the member, whose certification (valid a year) triggers the award; its id. */
    private String earnLaserBadge(MemberId member) {
        apply(training(member, "t-" + member, "laser-basics", days(1)), "trained-" + member);
        apply(laserCertification(member, certificationOf(member).value(), days(2)), "certified-" + member);
        return made.get(made.size() - 1).awardId().value();
    }

    private static CertificationId certificationOf(MemberId member) {
        return CertificationId.of("cert-" + member);
    }

    private CredentialVerifier verifier() {
        return new CredentialVerifier(keys.resolver(URLS), RegistryStatusCheck.of(registry, URLS),
                                      IssuerTrust.ownLabs(keys, URLS));
    }

    private IssuedCredential credentialOf(String awardId) {
        return issued.credential(awardId).orElseThrow();
    }

    @Test
    void aLabGetsItsSigningKeyWhenItRegisters() {
        issuance.on(new LabRegistered(FABLAB, "Fablab North", "https://north.example", null), days(5));

        assertThat(keys.keysOf(FABLAB)).singleElement().extracting(IssuerKey::validFrom).isEqualTo(LAB_REGISTERED);
    }

    @Test
    void anAwardIsIssuedAsACredentialThatVerifiesInBothFormats() {
        String awardId = earnLaserBadge(ADA);

        IssuedCredential credential = credentialOf(awardId);
        VerificationReport dataIntegrity = verifier().verify(credential.dataIntegrity(), CHECKED_AT);
        VerificationReport jwt = verifier().verify(credential.jwt(), CHECKED_AT);

        assertThat(dataIntegrity.failures()).isEmpty();
        assertThat(dataIntegrity.format()).isEqualTo(VerificationReport.JSON_LD);
        assertThat(jwt.failures()).isEmpty();
        assertThat(jwt.format()).isEqualTo(VerificationReport.JWT);
        assertThat(OpenBadgesSchema.errors(CredentialJson.parseObject(credential.dataIntegrity()))).isEmpty();
        assertThat(jwt.credential()).isEqualTo(CredentialJson.parseObject(credential.dataIntegrity()).without("proof"));
    }

    @Test
    void theCredentialNamesTheLabItsKeyItsStatusAndTheCertificationsEnd() {
        String awardId = earnLaserBadge(ADA);

        IssuedCredential credential = credentialOf(awardId);
        ObjectNode json = CredentialJson.parseObject(credential.dataIntegrity());
        IssuerKey labKey = keys.keysOf(FABLAB).get(0);
        Instant certificationEnds = days(2).atOffset(ZoneOffset.UTC).plus(Period.ofYears(1)).toInstant();

        assertThat(json.at("/issuer/id").asText()).isEqualTo(URLS.issuer(FABLAB));
        assertThat(json.at("/issuer/name").asText()).isEqualTo("Fablab North");
        assertThat(json.at("/proof/0/verificationMethod").asText())
                .isEqualTo(URLS.verificationMethod(FABLAB, labKey.keyId()));
        assertThat(credential.keyId()).isEqualTo(labKey.keyId());
        assertThat(json.at("/validFrom").asText()).isEqualTo(days(2).truncatedTo(ChronoUnit.SECONDS).toString());
        assertThat(json.at("/validUntil").asText())
                .isEqualTo(certificationEnds.truncatedTo(ChronoUnit.SECONDS).toString());
        assertThat(json.at("/credentialStatus/statusPurpose").asText()).isEqualTo("revocation");
        assertThat(json.at("/credentialStatus/statusListIndex").asText()).isEqualTo("0");
        assertThat(json.at("/credentialStatus/statusListCredential").asText())
                .isEqualTo(URLS.statusList(new StatusListId(FABLAB, StatusPurpose.REVOCATION)));
        assertThat(credential.certificationIds()).containsExactly(certificationOf(ADA).value());
        assertThat(json.at("/credentialSubject/name").isMissingNode()).isTrue();
    }

    @Test
    void anAchievementWithoutImageNamesTheDefaultImageOfItsVersion() {
        String awardId = earnLaserBadge(ADA);

        ObjectNode json = CredentialJson.parseObject(credentialOf(awardId).dataIntegrity());

        assertThat(json.at("/credentialSubject/achievement/image/id").asText())
                .isEqualTo(URLS.achievementImage(LASER_BADGE, 1, PublicUrls.Image.PNG));
    }

    @Test
    void anUploadedImageIsNamedAtItsHostedUrlByAwardsOfItsVersionOnly() {
        String adas = earnLaserBadge(ADA);
        HostedImage uploaded = new HostedImage("5e".repeat(32), HostedImage.Format.SVG);
        AchievementRevised withImage = new AchievementRevised(LASER_BADGE, 2, "Laser operator",
                                                              "Trained and certified on the laser",
                                                              List.of(LASER_COURSE, LASER_HELD), uploaded.path());
        issuance.on(withImage);
        awards.revise(withImage, "image-uploaded");
        String bens = earnLaserBadge(BEN);

        ObjectNode before = CredentialJson.parseObject(credentialOf(adas).dataIntegrity());
        ObjectNode after = CredentialJson.parseObject(credentialOf(bens).dataIntegrity());

        assertThat(before.at("/credentialSubject/achievement/image/id").asText())
                .isEqualTo(URLS.achievementImage(LASER_BADGE, 1, PublicUrls.Image.PNG));
        assertThat(after.at("/credentialSubject/achievement/image/id").asText())
                .isEqualTo("https://badges.fablab-north.example/ob3/images/" + "5e".repeat(32) + ".svg")
                .isEqualTo(URLS.hostedImage(uploaded));
        assertThat(OpenBadgesSchema.errors(after)).isEmpty();
        assertThat(verifier().verify(credentialOf(bens).dataIntegrity(), CHECKED_AT.plus(Period.ofDays(3))).failures())
                .isEmpty();
    }

    @Test
    void theCredentialShowsTheVersionThatWasAwardedAfterARevision() {
        String awardId = earnLaserBadge(ADA);
        AchievementRevised revised = new AchievementRevised(LASER_BADGE, 2, "Laser pilot", "Now with rotary engraving",
                                                            List.of(LASER_COURSE, LASER_HELD), null);
        issuance.on(revised);
        awards.revise(revised, "revised");
        String bens = earnLaserBadge(BEN);

        ObjectNode adas = CredentialJson.parseObject(credentialOf(awardId).dataIntegrity());
        ObjectNode benss = CredentialJson.parseObject(credentialOf(bens).dataIntegrity());

        assertThat(adas.at("/credentialSubject/achievement/name").asText()).isEqualTo("Laser operator");
        assertThat(adas.at("/credentialSubject/achievement/version").asText()).isEqualTo("1");
        assertThat(benss.at("/credentialSubject/achievement/name").asText()).isEqualTo("Laser pilot");
        assertThat(benss.at("/credentialSubject/achievement/version").asText()).isEqualTo("2");
        assertThat(issued.achievement(LASER_BADGE, 1)).get().extracting(a -> a.name()).isEqualTo("Laser operator");
        assertThat(issued.latestAchievement(LASER_BADGE)).get().extracting(a -> a.version()).isEqualTo(2);
    }

    @Test
    void anAwardToldAgainIsNotIssuedAgain() {
        String awardId = earnLaserBadge(ADA);
        List<Document> before = StoredDocuments.of(storage.database(), IssuanceProjection.CREDENTIALS);

        issuance.on(made.get(0));

        assertThat(StoredDocuments.of(storage.database(), IssuanceProjection.CREDENTIALS)).isEqualTo(before);
        assertThat(registry.status(awardId)).get().extracting(status -> status.index()).isEqualTo(0);
    }

    @Test
    void awardsGetTheirLabsStatusIndexesInAwardOrder() {
        String adas = earnLaserBadge(ADA);
        String bens = earnLaserBadge(BEN);

        assertThat(credentialOf(adas).statusIndex()).isEqualTo(0);
        assertThat(credentialOf(bens).statusIndex()).isEqualTo(1);
    }

    @Test
    void revokingACertificationRevokesTheCredentialsThatNameIt() {
        String adas = earnLaserBadge(ADA);
        String bens = earnLaserBadge(BEN);

        apply(new MachineCertificationRevoked(ADA, certificationOf(ADA), "unsafe use", days(5)), "revoked");

        Check status = verifier().verify(credentialOf(adas).jwt(), CHECKED_AT).check(Check.STATUS);
        assertThat(status.ok()).isFalse();
        assertThat(status.detail()).startsWith("revoked");
        assertThat(issued.state(adas)).get().satisfies(state -> {
            assertThat(state.revoked()).isTrue();
            assertThat(state.revokedAt()).isEqualTo(days(5));
            assertThat(state.revocationReason()).contains("unsafe use");
        });
        assertThat(verifier().verify(credentialOf(bens).dataIntegrity(), CHECKED_AT).failures()).isEmpty();
    }

    @Test
    void suspendingACertificationSuspendsTheCredentialUntilItIsReinstated() {
        String awardId = earnLaserBadge(ADA);

        apply(new MachineCertificationSuspended(ADA, certificationOf(ADA), "incident", days(5)), "suspended");
        Check suspended = verifier().verify(credentialOf(awardId).dataIntegrity(), CHECKED_AT).check(Check.STATUS);
        apply(new MachineCertificationReinstated(ADA, certificationOf(ADA), days(6)), "reinstated");

        assertThat(suspended.ok()).isFalse();
        assertThat(suspended.detail()).startsWith("suspended");
        assertThat(verifier().verify(credentialOf(awardId).dataIntegrity(), CHECKED_AT).failures()).isEmpty();
        assertThat(issued.state(awardId)).get().extracting(CredentialState::active).isEqualTo(true);
    }

    @Test
    void aCredentialStaysSuspendedWhileTheLabOrACertificationStillSuspendsIt() {
        String awardId = earnLaserBadge(ADA);
        AwardId award = AwardId.of(awardId);

        issuance.on(new AwardSuspended(ADA, award, "badge under review", days(5)));
        apply(new MachineCertificationSuspended(ADA, certificationOf(ADA), "incident", days(6)), "suspended");
        apply(new MachineCertificationReinstated(ADA, certificationOf(ADA), days(7)), "reinstated");
        boolean stillSuspended = issued.state(awardId).orElseThrow().suspended();
        issuance.on(new AwardReinstated(ADA, award, days(8)));

        assertThat(stillSuspended).isTrue();
        assertThat(issued.state(awardId)).get().extracting(CredentialState::suspended).isEqualTo(false);
    }

    @Test
    void aLabRevokesOneAwardDirectly() {
        String adas = earnLaserBadge(ADA);
        String bens = earnLaserBadge(BEN);

        issuance.on(new AwardRevoked(ADA, AwardId.of(adas), "awarded by mistake", days(5)));

        assertThat(issued.state(adas)).get().satisfies(state -> {
            assertThat(state.revoked()).isTrue();
            assertThat(state.revocationReason()).isEqualTo("awarded by mistake");
        });
        assertThat(issued.state(bens)).get().extracting(CredentialState::active).isEqualTo(true);
    }

    @Test
    void aDecisionSeenBeforeTheCredentialIsIssuedStillApplies() {
        String awardId = Award.idFor(ADA, LASER_BADGE, 1, "certified-" + ADA);
        issuance.on(new AwardSuspended(ADA, AwardId.of(awardId), "review before issuing", days(1)));

        assertThat(earnLaserBadge(ADA)).isEqualTo(awardId);

        assertThat(issued.state(awardId)).get().extracting(CredentialState::suspended).isEqualTo(true);
    }

    @Test
    void theStatusListCredentialIsSignedByTheLabAndDatedAtItsLastChange() {
        String awardId = earnLaserBadge(ADA);
        apply(new MachineCertificationRevoked(ADA, certificationOf(ADA), "unsafe use", days(5)), "revoked");
        StatusListId revocations = new StatusListId(FABLAB, StatusPurpose.REVOCATION);
        StatusListCredentials lists = new StatusListCredentials(registry, keys, URLS);

        String signed = lists.signed(revocations).orElseThrow();
        ObjectNode json = CredentialJson.parseObject(signed);

        assertThat(signed).isEqualTo(lists.signed(revocations).orElseThrow());
        assertThat(new EddsaRdfc2022(BundledContexts.standard()).verify(json, keys.resolver(URLS)).ok()).isTrue();
        assertThat(SafeMode.violations(CredentialJson.toJakarta(json.without("proof")), BundledContexts.standard()))
                .isEmpty();
        assertThat(json.at("/id").asText()).isEqualTo(URLS.statusList(revocations));
        assertThat(json.at("/type/1").asText()).isEqualTo("BitstringStatusListCredential");
        assertThat(json.at("/issuer").asText()).isEqualTo(URLS.issuer(FABLAB));
        assertThat(json.at("/validFrom").asText()).isEqualTo(days(5).toString());
        assertThat(StatusList.decode(json.at("/credentialSubject/encodedList").asText())
                           .get(credentialOf(awardId).statusIndex())).isTrue();
        assertThat(lists.signed(new StatusListId(LabId.of("nowhere"), StatusPurpose.REVOCATION))).isEmpty();
    }

    /**
     * The certification expires after two months without use; the member uses the laser on day 40. Her credential,
     * first signed to end on day 2 plus two months, is signed again to end two months after that use: what anyone
     * fetches then agrees with the passport and the machine.
     */
    @Test
    void aSessionThatMovesTheCertificationsEndSignsTheCredentialAgainWithTheNewEnd() {
        apply(training(ADA, "t-ada", "laser-basics", days(1)), "trained");
        apply(certification(ADA, "cert-ada", new CertificationScope.MachineFamily(MachineType.LASER_CUTTER),
                            CertificationLevel.AUTONOMOUS, new ExpiryRule.AfterInactivity(2), days(2)), "certified");
        String awardId = made.get(0).awardId().value();
        IssuedCredential first = credentialOf(awardId);

        apply(new MachineSessionStarted(SessionId.of("s-1"), FABLAB, LASER, ADA, days(40), false), "session");

        IssuedCredential renewed = credentialOf(awardId);
        Instant newEnd = days(40).atOffset(ZoneOffset.UTC).plusMonths(2).toInstant().truncatedTo(ChronoUnit.SECONDS);
        assertThat(first.validUntil())
                .isEqualTo(days(2).atOffset(ZoneOffset.UTC).plusMonths(2).toInstant().truncatedTo(ChronoUnit.SECONDS));
        assertThat(renewed.validUntil()).isEqualTo(newEnd);
        assertThat(CredentialJson.parseObject(renewed.dataIntegrity()).at("/validUntil").asText())
                .isEqualTo(newEnd.toString());
        assertThat(renewed.statusIndex()).isEqualTo(first.statusIndex());
        assertThat(renewed.keyId()).isEqualTo(first.keyId());
        assertThat(renewed.validFrom()).isEqualTo(first.validFrom());
        assertThat(verifier().verify(renewed.dataIntegrity(), days(70)).failures()).isEmpty();
        assertThat(verifier().verify(renewed.jwt(), days(70)).failures()).isEmpty();
    }

    @Test
    void aSessionOnAMachineTheCertificationDoesNotCoverChangesNothing() {
        earnLaserBadge(ADA);
        List<Document> before = StoredDocuments.of(storage.database(), IssuanceProjection.CREDENTIALS);

        apply(new MachineSessionStarted(SessionId.of("s-1"), FABLAB, PRINTER, ADA, days(40), false), "session");

        assertThat(StoredDocuments.of(storage.database(), IssuanceProjection.CREDENTIALS)).isEqualTo(before);
    }

    /**
     * The certification was suspended on day 5; the training of day 3, recorded after that, completes the criteria as
     * of day 3. The award is made, and its credential starts suspended, as it would be had the training been recorded
     * before the suspension.
     */
    @Test
    void anAwardRecordedAfterItsCertificationWasSuspendedStartsSuspended() {
        apply(laserCertification(ADA, certificationOf(ADA).value(), days(1)), "certified");
        apply(new MachineCertificationSuspended(ADA, certificationOf(ADA), "incident", days(5)), "suspended");

        apply(training(ADA, "t-ada", "laser-basics", days(3)), "trained");

        String awardId = made.get(0).awardId().value();
        assertThat(issued.state(awardId)).get().extracting(CredentialState::suspended).isEqualTo(true);
    }

    @Test
    void anAwardRecordedAfterItsCertificationWasRevokedStartsRevoked() {
        apply(laserCertification(ADA, certificationOf(ADA).value(), days(1)), "certified");
        apply(new MachineCertificationRevoked(ADA, certificationOf(ADA), "unsafe use", days(5)), "revoked");

        apply(training(ADA, "t-ada", "laser-basics", days(3)), "trained");

        assertThat(issued.state(made.get(0).awardId().value())).get().satisfies(state -> {
            assertThat(state.revoked()).isTrue();
            assertThat(state.revocationReason()).contains("unsafe use");
        });
    }

    /** A certification granted on day 1, typed in after the award of day 2: the credential is signed again from day 1. */
    @Test
    void anAwardDatedEarlierIsSignedAgainFromItsNewDate() {
        String awardId = earnLaserBadge(ADA);
        IssuedCredential first = credentialOf(awardId);
        Instant earlier = days(1).plus(java.time.Duration.ofHours(12));

        apply(laserCertification(ADA, "cert-early", earlier), "certified-early");

        IssuedCredential redated = credentialOf(awardId);
        assertThat(first.validFrom()).isEqualTo(days(2).truncatedTo(ChronoUnit.SECONDS));
        assertThat(redated.validFrom()).isEqualTo(earlier.truncatedTo(ChronoUnit.SECONDS));
        assertThat(CredentialJson.parseObject(redated.dataIntegrity()).at("/validFrom").asText())
                .isEqualTo(earlier.truncatedTo(ChronoUnit.SECONDS).toString());
        assertThat(redated.statusIndex()).isEqualTo(first.statusIndex());
        assertThat(verifier().verify(redated.dataIntegrity(), CHECKED_AT).failures()).isEmpty();
        assertThat(verifier().verify(redated.jwt(), CHECKED_AT).failures()).isEmpty();
    }
}
