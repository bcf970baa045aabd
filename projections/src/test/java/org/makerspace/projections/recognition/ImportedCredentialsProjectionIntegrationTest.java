package org.makerspace.projections.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.support.TestEvents.ADA;
import static org.makerspace.projections.support.TestEvents.BEN;
import static org.makerspace.projections.support.TestEvents.days;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.recognition.api.CredentialStatusEntry;
import org.makerspace.ledger.recognition.api.ExternalCredentialImported;
import org.makerspace.ledger.recognition.api.ImportedCredentialIssuerStatusChanged;
import org.makerspace.ledger.recognition.api.ImportId;
import org.makerspace.ledger.recognition.api.IssuerStatus;
import org.makerspace.projections.support.ObservedStorage;
import org.makerspace.projections.support.StoredDocuments;

class ImportedCredentialsProjectionIntegrationTest {

    private static final String LYON = "https://badges.fablab-lyon.example/ob3/issuers/lyon";
    private static final String LASER = "https://badges.fablab-lyon.example/ob3/achievements/laser";
    private static final String WELDING = "https://badges.fablab-lyon.example/ob3/achievements/welding";

    private ObservedStorage observed;
    private ImportedCredentialsProjection imports;

    @BeforeEach
    void freshStorage() {
        observed = ObservedStorage.open("recognition");
        imports = new ImportedCredentialsProjection(observed.storage());
    }

    @AfterEach
    void close() {
        observed.close();
    }

    private static ExternalCredentialImported laserImported() {
        return new ExternalCredentialImported(ADA, ImportId.of("import-1"), LYON, LASER, "Laser Cutter Operator",
                                              "urn:uuid:laser", days(100), days(10), List.of());
    }

    private static ExternalCredentialImported weldingImported() {
        return new ExternalCredentialImported(ADA, ImportId.of("import-2"), LYON, WELDING, "Welder",
                                              "urn:uuid:welding", null, days(20), List.of());
    }

    @Test
    void memberShowsTheCredentialsTheyImportedInOrder() {
        imports.on(laserImported());
        imports.on(weldingImported());

        assertThat(imports.find(new FindImportedCredentials(ADA)).credentials()).containsExactly(
                new ImportedCredential(ImportId.of("import-1"), LYON, LASER, "Laser Cutter Operator", "urn:uuid:laser",
                                       days(100), days(10), List.of(), IssuerStatus.ACTIVE, null, null),
                new ImportedCredential(ImportId.of("import-2"), LYON, WELDING, "Welder", "urn:uuid:welding", null,
                                       days(20), List.of(), IssuerStatus.ACTIVE, null, null));
        assertThat(imports.find(new FindImportedCredentials(BEN)).credentials()).isEmpty();
    }

    @Test
    void achievementsHeldAreThoseImportedByThenAndNotYetEnded() {
        imports.on(laserImported());
        imports.on(weldingImported());

        assertThat(imports.achievementsHeld(ADA, days(5))).isEmpty();
        assertThat(imports.achievementsHeld(ADA, days(15)))
                .containsExactly(new ImportedAchievement(LYON, LASER, days(100)));
        assertThat(imports.achievementsHeld(ADA, days(50))).containsExactly(
                new ImportedAchievement(LYON, LASER, days(100)), new ImportedAchievement(LYON, WELDING, null));
        assertThat(imports.achievementsHeld(ADA, days(100)))
                .containsExactly(new ImportedAchievement(LYON, WELDING, null));
    }

    @Test
    void readsComeFromMemoryAndARestartLoadsTheDocumentsBack() {
        imports.on(laserImported());
        observed.reset();

        assertThat(imports.achievementsHeld(ADA, days(15))).hasSize(1);
        assertThat(imports.find(new FindImportedCredentials(ADA)).credentials()).hasSize(1);
        assertThat(observed.commands()).isEmpty();

        ImportedCredentialsProjection restarted = new ImportedCredentialsProjection(observed.storage());
        assertThat(restarted.find(new FindImportedCredentials(ADA))).isEqualTo(imports.find(new FindImportedCredentials(ADA)));
    }

    @Test
    void applyingAnEventTwiceLeavesTheSameDocuments() {
        imports.on(laserImported());
        var once = StoredDocuments.readModels(observed.storage().database());

        imports.on(laserImported());

        assertThat(StoredDocuments.readModels(observed.storage().database())).isEqualTo(once);
        assertThat(imports.find(new FindImportedCredentials(ADA)).credentials()).hasSize(1);
    }

    @Test
    void resetForgetsEveryImport() {
        imports.on(laserImported());

        imports.reset();

        assertThat(imports.find(new FindImportedCredentials(ADA)).credentials()).isEmpty();
        assertThat(new ImportedCredentialsProjection(observed.storage()).achievementsHeld(ADA, days(15))).isEmpty();
    }

    private static final CredentialStatusEntry LIST_ENTRY = new CredentialStatusEntry(
            "BitstringStatusListEntry", "revocation", "https://badges.fablab-lyon.example/status-lists/lyon/revocation", 4);

    private static ExternalCredentialImported followedImport(String importId, String credentialId, Instant validUntil,
                                                             List<CredentialStatusEntry> entries) {
        return new ExternalCredentialImported(ADA, ImportId.of(importId), LYON, LASER, "Laser Cutter Operator",
                                              credentialId, validUntil, days(10), entries);
    }

    @Test
    void theIssuersListsAreFollowedForCredentialsThatNameThemUntilRevokedOrEnded() {
        imports.on(followedImport("import-1", "urn:uuid:named", null, List.of(LIST_ENTRY)));
        imports.on(followedImport("import-2", "urn:uuid:none", null, List.of()));
        imports.on(followedImport("import-3", "urn:uuid:before", null, null));
        imports.on(followedImport("import-4", "urn:uuid:ending", days(40), List.of(LIST_ENTRY)));

        assertThat(imports.followedAt(days(30))).extracting(followed -> followed.credential().credentialId())
                .containsExactlyInAnyOrder("urn:uuid:named", "urn:uuid:ending");
        assertThat(imports.followedAt(days(40))).extracting(followed -> followed.credential().credentialId())
                .containsExactly("urn:uuid:named");
        imports.on(new ImportedCredentialIssuerStatusChanged(ADA, "urn:uuid:named", IssuerStatus.REVOKED, days(31),
                                                             days(31)));
        assertThat(imports.followedAt(days(32))).extracting(followed -> followed.credential().credentialId())
                .containsExactly("urn:uuid:ending");
    }

    @Test
    void whatTheIssuerSaysIsShownWithSinceWhen() {
        imports.on(followedImport("import-1", "urn:uuid:named", null, List.of(LIST_ENTRY)));

        imports.on(new ImportedCredentialIssuerStatusChanged(ADA, "urn:uuid:named", IssuerStatus.UNREACHABLE,
                                                             days(31), days(29)));

        ImportedCredential shown = imports.find(new FindImportedCredentials(ADA)).credentials().get(0);
        assertThat(shown.issuerStatus()).isEqualTo(IssuerStatus.UNREACHABLE);
        assertThat(shown.issuerStatusSince()).isEqualTo(days(31));
        assertThat(shown.lastConfirmedAt()).isEqualTo(days(29));
        assertThat(shown.statusEntries()).containsExactly(LIST_ENTRY);
    }
}
