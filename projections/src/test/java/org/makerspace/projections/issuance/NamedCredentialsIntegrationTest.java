package org.makerspace.projections.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.support.TestEvents.ADA;
import static org.makerspace.projections.support.TestEvents.FABLAB;
import static org.makerspace.projections.support.TestEvents.days;
import static org.makerspace.projections.support.TestEvents.laserCertification;
import static org.makerspace.projections.support.TestEvents.laserRegistered;
import static org.makerspace.projections.support.TestEvents.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.AchievementAwarded;
import org.makerspace.ledger.member.api.AwardId;
import org.makerspace.ledger.member.api.AwardRevoked;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.testing.TestMongo;
import org.makerspace.projections.award.AwardDriver;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKey;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.issuer.MasterKey;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.ob3.Check;
import org.makerspace.projections.credential.ob3.CredentialVerifier;
import org.makerspace.projections.credential.ob3.IssuerTrust;
import org.makerspace.projections.credential.ob3.OpenBadgesSchema;
import org.makerspace.projections.credential.ob3.VerificationReport;
import org.makerspace.projections.status.StatusListRegistry;
import org.makerspace.projections.support.StoredDocuments;

/**
 * A named copy is built from what issuance stored, on request: it says what the credential says, with the name and an
 * id of its own, is signed by the key that signed the credential, shares its status, and leaves no trace in storage.
 */
class NamedCredentialsIntegrationTest {

    private static final PublicUrls URLS = PublicUrls.of("https://badges.fablab-north.example");
    private static final AchievementId LASER_BADGE = AchievementId.of("laser-badge");
    private static final Instant CHECKED_AT = days(3);

    private final LedgerStorage storage = TestMongo.server().freshStorage("named");
    private final IssuerKeys keys = new IssuerKeys(storage, MasterKey.generate());
    private final StatusListRegistry registry = new StatusListRegistry(storage);
    private final IssuanceProjection issuance = new IssuanceProjection(storage, keys, registry, URLS);
    private final IssuedCredentials issued = new IssuedCredentials(storage, registry);
    private final NamedCredentials named = new NamedCredentials(issued, keys, registry, URLS);
    private final List<AchievementAwarded> made = new ArrayList<>();
    private final AwardDriver awards = new AwardDriver(storage).following(event -> {
        made.add((AchievementAwarded) event);
        issuance.on((AchievementAwarded) event);
    });

    private IssuedCredential adas;

    @BeforeEach
    void adaEarnsTheLaserBadge() {
        issuance.on(new LabRegistered(FABLAB, "Fablab North", "https://north.example", "hi@north.example"), days(-30));
        issuance.on(laserRegistered());
        awards.apply(laserRegistered(), "laser-registered");
        AchievementDefined laserBadge = new AchievementDefined(
                LASER_BADGE, FABLAB, 1, "Laser operator", "Trained and certified on the laser",
                List.of(new Criterion.TrainingCompleted("laser-basics"),
                        new Criterion.CertificationHeld(MachineType.LASER_CUTTER, CertificationLevel.AUTONOMOUS)),
                null);
        issuance.on(laserBadge);
        awards.define(laserBadge);
        awards.apply(training(ADA, "t-ada", "laser-basics", days(1)), "trained-ada");
        MachineCertificationGranted certified = laserCertification(ADA, "cert-ada", days(2));
        issuance.on(certified);
        awards.apply(certified, "certified-ada");
        adas = issued.credential(made.get(made.size() - 1).awardId().value()).orElseThrow();
    }

    private NamedCredential namedCopy(String name) {
        return named.of(adas, name).orElseThrow();
    }

    private CredentialVerifier verifier() {
        return new CredentialVerifier(keys.resolver(URLS), RegistryStatusCheck.of(registry, URLS),
                                      IssuerTrust.ownLabs(keys, URLS));
    }

    @Test
    void theNamedCopyVerifiesInBothFormatsAndMatchesTheSchema() {
        NamedCredential copy = namedCopy("Ada Lovelace");

        VerificationReport dataIntegrity = verifier().verify(copy.dataIntegrity(), CHECKED_AT);
        VerificationReport jwt = verifier().verify(copy.jwt(), CHECKED_AT);

        assertThat(dataIntegrity.failures()).isEmpty();
        assertThat(jwt.failures()).isEmpty();
        assertThat(OpenBadgesSchema.errors(CredentialJson.parseObject(copy.dataIntegrity()))).isEmpty();
        assertThat(jwt.credential()).isEqualTo(CredentialJson.parseObject(copy.dataIntegrity()).without("proof"));
    }

    @Test
    void theNamedCopySaysWhatTheCredentialSaysWithTheNameUnderItsOwnId() {
        ObjectNode copy = CredentialJson.parseObject(namedCopy("Ada Lovelace").dataIntegrity());
        ObjectNode original = CredentialJson.parseObject(adas.dataIntegrity());

        assertThat(copy.get("id").asText()).isEqualTo(URLS.namedCredential(adas.awardId()));
        assertThat(copy.at("/credentialSubject/name").asText()).isEqualTo("Ada Lovelace");
        ((ObjectNode) copy.get("credentialSubject")).remove("name");
        assertThat(copy.remove(List.of("id", "proof"))).isEqualTo(original.remove(List.of("id", "proof")));
    }

    @Test
    void theNamedCopyIsSignedByTheKeyThatSignedTheCredentialEvenAfterARotation() {
        IssuerKey signedTheCredential = keys.find(adas.keyId()).orElseThrow();
        keys.addKey(FABLAB, days(10));

        ObjectNode copy = CredentialJson.parseObject(namedCopy("Ada Lovelace").dataIntegrity());
        ObjectNode original = CredentialJson.parseObject(adas.dataIntegrity());

        assertThat(copy.at("/proof/0/verificationMethod").asText())
                .isEqualTo(URLS.verificationMethod(FABLAB, signedTheCredential.keyId()))
                .isEqualTo(original.at("/proof/0/verificationMethod").asText());
        assertThat(copy.at("/proof/0/created")).isEqualTo(original.at("/proof/0/created"));
    }

    @Test
    void oneNameAlwaysGivesTheSameBytes() {
        NamedCredential first = namedCopy("Ada Lovelace");
        NamedCredential again = namedCopy("Ada Lovelace");

        assertThat(again).isEqualTo(first);
        assertThat(namedCopy("Ada King").dataIntegrity()).isNotEqualTo(first.dataIntegrity());
    }

    @Test
    void revokingTheAwardRevokesItsNamedCopy() {
        NamedCredential copy = namedCopy("Ada Lovelace");

        issuance.on(new AwardRevoked(ADA, AwardId.of(adas.awardId()), "awarded by mistake", days(5)));

        Check status = verifier().verify(copy.jwt(), CHECKED_AT).check(Check.STATUS);
        assertThat(status.ok()).isFalse();
        assertThat(status.detail()).startsWith("revoked");
    }

    @Test
    void theNameIsStoredNowhere() {
        Map<String, List<Document>> before = StoredDocuments.readModels(storage.database());

        namedCopy("Ada Lovelace");

        Map<String, List<Document>> after = StoredDocuments.readModels(storage.database());
        assertThat(after).isEqualTo(before);
        assertThat(after.toString()).doesNotContain("Ada Lovelace");
    }

    @Test
    void noCopyWhileTheAchievementVersionIsMissingFromTheReadModels() {
        IssuedCredential unknownVersion = new IssuedCredential(
                adas.awardId(), FABLAB, ADA, LASER_BADGE, 9, adas.validFrom(), adas.validUntil(), 0, adas.keyId(),
                List.of(), adas.subjectId(), adas.salt(), "{}", "jwt");

        assertThat(named.of(unknownVersion, "Ada Lovelace")).isEmpty();
    }
}
