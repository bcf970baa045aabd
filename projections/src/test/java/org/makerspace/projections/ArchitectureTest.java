package org.makerspace.projections;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The read side sees the ledger only through its messages, its shared building blocks and its storage; the event
 * store (and the ledger's test support) only from tests; the aggregates never.
 */
class ArchitectureTest {

    private static final String PROJECTIONS = "org.makerspace.projections..";
    private static final String LEDGER = "org.makerspace.ledger..";

    private final JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.makerspace.projections");
    private final JavaClasses tests = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("org.makerspace.projections");

    @Test
    void productionCodeUsesOnlyTheLedgersMessagesCommonAndStorage() {
        noClasses().that().resideInAPackage(PROJECTIONS)
                .should().dependOnClassesThat(resideInAPackage(LEDGER).and(not(resideInAnyPackage(
                        "..ledger..api..", "..ledger.common..", "..ledger.storage.."))))
                .check(production);
    }

    @Test
    void testsMayAlsoUseTheEventStoreAndTheLedgersTestSupport() {
        noClasses().that().resideInAPackage(PROJECTIONS)
                .should().dependOnClassesThat(resideInAPackage(LEDGER).and(not(resideInAnyPackage(
                        "..ledger..api..", "..ledger.common..", "..ledger.storage..", "..ledger.eventstore..",
                        "..ledger.testing.."))))
                .check(tests);
    }

    @Test
    void nothingDependsOnTheAggregatePackages() {
        noClasses().that().resideInAPackage(PROJECTIONS)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.makerspace.ledger.lab", "org.makerspace.ledger.member", "org.makerspace.ledger.achievement",
                        "org.makerspace.ledger.recognition")
                .check(new ClassFileImporter().importPackages("org.makerspace.projections"));
    }

    @Test
    void featuresDoNotReachIntoAccessAndAccessReachesIntoNoFeature() {
        noClasses().that().resideInAnyPackage("..projections.passport..", "..projections.award..")
                .should().dependOnClassesThat().resideInAPackage("..projections.access..")
                .check(production);
        noClasses().that().resideInAPackage("..projections.access..")
                .should().dependOnClassesThat().resideInAnyPackage("..projections.passport..", "..projections.award..")
                .check(production);
    }

    @Test
    void credentialBuildingBlocksKnowNothingOfKeysStorageOrOpenBadges() {
        noClasses().that().resideInAnyPackage("..credential.jsonld..", "..credential.proof..", "..credential.jwt..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..credential.issuer..", "..credential.ob3..", "com.mongodb..", "org.makerspace.ledger..")
                .check(production);
    }

    @Test
    void credentialsAreIssuedForAwardsAndCatalogEntriesOnly() {
        noClasses().that().resideInAPackage("..projections.credential..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..projections.access..", "..projections.passport..", "..projections.support..")
                .check(production);
    }

    @Test
    void awardsKnowNothingOfTheCredentialsIssuedForThem() {
        noClasses().that().resideInAPackage("..projections.award..")
                .should().dependOnClassesThat().resideInAnyPackage("..projections.issuance..",
                                                                    "..projections.credential..",
                                                                    "..projections.status..")
                .because("the award projection only tells its listener; issuance depends on awards, not the reverse")
                .check(production);
    }

    @Test
    void credentialsNeverReadTheClock() {
        noClasses().that().resideInAnyPackage("..projections.credential..", "..projections.issuance..",
                                              "..projections.status..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("the same award, key and achievement must give byte-identical credentials")
                .check(production);
    }
}
