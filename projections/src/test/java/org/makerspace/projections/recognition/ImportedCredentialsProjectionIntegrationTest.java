package org.makerspace.projections.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.support.TestEvents.ADA;
import static org.makerspace.projections.support.TestEvents.BEN;
import static org.makerspace.projections.support.TestEvents.days;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.recognition.api.ExternalCredentialImported;
import org.makerspace.ledger.recognition.api.ImportId;
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
                                              "urn:uuid:laser", days(100), days(10));
    }

    private static ExternalCredentialImported weldingImported() {
        return new ExternalCredentialImported(ADA, ImportId.of("import-2"), LYON, WELDING, "Welder",
                                              "urn:uuid:welding", null, days(20));
    }

    @Test
    void memberShowsTheCredentialsTheyImportedInOrder() {
        imports.on(laserImported());
        imports.on(weldingImported());

        assertThat(imports.find(new FindImportedCredentials(ADA)).credentials()).containsExactly(
                new ImportedCredential(ImportId.of("import-1"), LYON, LASER, "Laser Cutter Operator", "urn:uuid:laser",
                                       days(100), days(10)),
                new ImportedCredential(ImportId.of("import-2"), LYON, WELDING, "Welder", "urn:uuid:welding", null,
                                       days(20)));
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
}
