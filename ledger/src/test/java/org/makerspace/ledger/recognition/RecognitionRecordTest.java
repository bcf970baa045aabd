package org.makerspace.ledger.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.recognition.api.CredentialStatusEntry;
import org.makerspace.ledger.recognition.api.ExternalCredentialImported;
import org.makerspace.ledger.recognition.api.ImportId;
import org.makerspace.ledger.recognition.api.ImportedCredentialIssuerStatusChanged;
import org.makerspace.ledger.recognition.api.IssuerStatus;
import org.makerspace.ledger.recognition.api.RecognitionRecordId;
import org.makerspace.ledger.recognition.api.RecordImportedCredential;
import org.makerspace.ledger.recognition.api.RecordIssuerStatus;

class RecognitionRecordTest {

    private static final MemberId ADA = MemberId.of("member-ada");
    private static final String LYON = "https://badges.fablab-lyon.example/ob3/issuers/lyon";
    private static final String LASER = "https://badges.fablab-lyon.example/ob3/achievements/laser";
    private static final String CREDENTIAL = "urn:uuid:9a4b2c5e-7d3f-4e1a-8b6c-0f2d1e3a4b5c";
    private static final Instant IMPORTED = Instant.parse("2026-05-04T09:30:00Z");
    private static final Instant EXPIRES = Instant.parse("2028-03-02T10:15:30Z");

    private static final ExternalCredentialImported LASER_IMPORTED = new ExternalCredentialImported(
            ADA, ImportId.of("import-1"), LYON, LASER, "Laser Cutter Operator", CREDENTIAL, EXPIRES, IMPORTED, List.of());

    private FixtureConfiguration<RecognitionRecord> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RecognitionRecord.class);
    }

    private static RecordImportedCredential importing(String importId, String credentialId, Instant validUntil,
                                                      Instant importedAt) {
        return new RecordImportedCredential(ADA, ImportId.of(importId), LYON, LASER, "Laser Cutter Operator",
                                            credentialId, validUntil, importedAt, List.of());
    }

    @Test
    void recordIsKeyedByMemberButNotUnderTheMembersOwnId() {
        assertThat(importing("import-1", CREDENTIAL, EXPIRES, IMPORTED).recordId())
                .hasToString("recognition:member-ada")
                .isEqualTo(RecognitionRecordId.of(ADA));
    }

    @Test
    void canImportFirstCredential() {
        fixture.givenNoPriorActivity()
                .when(importing("import-1", CREDENTIAL, EXPIRES, IMPORTED))
                .expectEvents(LASER_IMPORTED);
    }

    @Test
    void canImportCredentialWithoutEnd() {
        fixture.givenNoPriorActivity()
                .when(importing("import-1", CREDENTIAL, null, IMPORTED))
                .expectEvents(new ExternalCredentialImported(ADA, ImportId.of("import-1"), LYON, LASER,
                        "Laser Cutter Operator", CREDENTIAL, null, IMPORTED, List.of()));
    }

    @Test
    void canImportAnotherCredential() {
        String other = "urn:uuid:11111111-2222-4333-8444-555555555555";
        fixture.given(LASER_IMPORTED)
                .when(importing("import-2", other, null, IMPORTED.plusSeconds(60)))
                .expectEvents(new ExternalCredentialImported(ADA, ImportId.of("import-2"), LYON, LASER,
                        "Laser Cutter Operator", other, null, IMPORTED.plusSeconds(60), List.of()));
    }

    @Test
    void cannotImportSameCredentialTwice() {
        fixture.given(LASER_IMPORTED)
                .when(importing("import-2", CREDENTIAL, EXPIRES, IMPORTED.plusSeconds(60)))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("credential-already-imported"))
                .expectExceptionMessage("credential " + CREDENTIAL + " is already in the record of member member-ada"
                        + " (import import-1 at 2026-05-04T09:30:00Z)");
    }

    @Test
    void cannotImportCredentialExpiredWhenImported() {
        fixture.givenNoPriorActivity()
                .when(importing("import-1", CREDENTIAL, IMPORTED, IMPORTED))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("credential-expired"))
                .expectExceptionMessage("credential " + CREDENTIAL + " of member member-ada expired at "
                        + "2026-05-04T09:30:00Z, not after its import at 2026-05-04T09:30:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "lyon"})
    void cannotImportCredentialOfIssuerNotNamedByHttpUrl(String issuerId) {
        fixture.givenNoPriorActivity()
                .when(new RecordImportedCredential(ADA, ImportId.of("import-1"), issuerId, LASER, "Laser",
                        CREDENTIAL, EXPIRES, IMPORTED, List.of()))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("issuerId must be an absolute http(s) URL, but was '" + issuerId + "'");
    }

    @Test
    void cannotImportCredentialWithoutAchievementName() {
        fixture.givenNoPriorActivity()
                .when(new RecordImportedCredential(ADA, ImportId.of("import-1"), LYON, LASER, " ", CREDENTIAL,
                        EXPIRES, IMPORTED, List.of()))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("achievementName must not be blank");
    }

    @Test
    void cannotImportCredentialWithoutCredentialId() {
        fixture.givenNoPriorActivity()
                .when(importing("import-1", "", EXPIRES, IMPORTED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("credentialId must not be blank");
    }

    @Test
    void cannotImportCredentialWithoutTime() {
        fixture.givenNoPriorActivity()
                .when(importing("import-1", CREDENTIAL, EXPIRES, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("importedAt is required");
    }

    // ---------------------------------------------------------------- what the issuer says of it

    private static final Instant READ = IMPORTED.plusSeconds(3_600);

    private static RecordIssuerStatus issuerSays(IssuerStatus status, Instant at) {
        return new RecordIssuerStatus(ADA, CREDENTIAL, status, at, at);
    }

    private static ImportedCredentialIssuerStatusChanged changed(IssuerStatus status, Instant at) {
        return new ImportedCredentialIssuerStatusChanged(ADA, CREDENTIAL, status, at, at);
    }

    @Test
    void theStatusListsOfACredentialAreKeptWithItsImport() {
        CredentialStatusEntry revocation = new CredentialStatusEntry(
                "BitstringStatusListEntry", "revocation", "https://badges.fablab-lyon.example/status-lists/lyon/revocation",
                17);
        fixture.givenNoPriorActivity()
                .when(new RecordImportedCredential(ADA, ImportId.of("import-1"), LYON, LASER, "Laser Cutter Operator",
                                                   CREDENTIAL, EXPIRES, IMPORTED, List.of(revocation)))
                .expectEvents(new ExternalCredentialImported(ADA, ImportId.of("import-1"), LYON, LASER,
                        "Laser Cutter Operator", CREDENTIAL, EXPIRES, IMPORTED, List.of(revocation)));
    }

    @Test
    void aStatusEntryNamingNoListIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordImportedCredential(ADA, ImportId.of("import-1"), LYON, LASER, "Laser Cutter Operator",
                        CREDENTIAL, EXPIRES, IMPORTED,
                        List.of(new CredentialStatusEntry("BitstringStatusListEntry", "revocation", "list-17", 17))))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void aRevocationAtTheIssuerIsRecorded() {
        fixture.given(LASER_IMPORTED)
                .when(issuerSays(IssuerStatus.REVOKED, READ))
                .expectEvents(changed(IssuerStatus.REVOKED, READ));
    }

    @Test
    void whatTheRecordAlreadySaysRecordsNothing() {
        fixture.given(LASER_IMPORTED, changed(IssuerStatus.SUSPENDED, READ))
                .when(issuerSays(IssuerStatus.SUSPENDED, READ.plusSeconds(900)))
                .expectNoEvents();
        fixture.given(LASER_IMPORTED)
                .when(issuerSays(IssuerStatus.ACTIVE, READ))
                .expectNoEvents();
    }

    @Test
    void aSuspensionLiftedAtTheIssuerIsRecorded() {
        fixture.given(LASER_IMPORTED, changed(IssuerStatus.SUSPENDED, READ))
                .when(issuerSays(IssuerStatus.ACTIVE, READ.plusSeconds(900)))
                .expectEvents(changed(IssuerStatus.ACTIVE, READ.plusSeconds(900)));
    }

    @Test
    void aRevocationIsFinal() {
        fixture.given(LASER_IMPORTED, changed(IssuerStatus.REVOKED, READ))
                .when(issuerSays(IssuerStatus.ACTIVE, READ.plusSeconds(900)))
                .expectNoEvents();
    }

    @Test
    void theStatusOfACredentialNeverImportedIsRefused() {
        fixture.given(LASER_IMPORTED)
                .when(new RecordIssuerStatus(ADA, "urn:uuid:never", IssuerStatus.REVOKED, READ, READ))
                .expectException(refusedWithCode("imported-credential-unknown"));
    }
}
