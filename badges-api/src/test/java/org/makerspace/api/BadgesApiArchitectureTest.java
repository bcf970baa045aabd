package org.makerspace.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of the application module, stated so that they cannot rot. */
class BadgesApiArchitectureTest {

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.makerspace.api");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.makerspace.api.(*)..").should().beFreeOfCycles().check(API);
    }

    @Test
    void problemsKnowNoFeature() {
        noClasses().that().resideInAPackage("org.makerspace.api.problem..")
                .should().dependOnClassesThat().resideInAnyPackage("org.makerspace.api.security..",
                                                                    "org.makerspace.api.storage..",
                                                                    "org.makerspace.api.axon..")
                .check(API);
    }

    @Test
    void applicationUsesTheLedgersMessagesNeverItsAggregates() {
        classes().that().resideInAPackage("org.makerspace.api..")
                .and().resideOutsideOfPackage("org.makerspace.api.axon..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.makerspace.ledger..")
                        .or(resideInAnyPackage("org.makerspace.ledger.*.api..", "org.makerspace.ledger.common..",
                                               "org.makerspace.ledger.storage..", "org.makerspace.ledger.eventstore..")))
                .check(API);
    }

    /** The published documents are public and read-only: they neither know who calls nor change the ledger. */
    @Test
    void publishedDocumentsNeitherAuthenticateNorSendCommands() {
        noClasses().that().resideInAPackage("org.makerspace.api.openbadges.publish..")
                .should().dependOnClassesThat().resideInAnyPackage("org.makerspace.api.security..",
                                                                    "org.makerspace.api.ledger..",
                                                                    "org.axonframework.commandhandling..")
                .check(API);
    }

    /**
     * Only the Axon wiring sees the aggregates, and then only through each feature's public write-model facade and
     * the resources their command handlers take (the lab's rules, our labs' issuer ids, the stored badge images), and
     * the upcasters that read the ledger's older events, which it puts in the event store's chain.
     */
    @Test
    void onlyTheAxonWiringReachesTheWriteModelThroughItsFacades() {
        classes().that().resideInAPackage("org.makerspace.api.axon..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.makerspace.ledger..")
                        .or(resideInAnyPackage("org.makerspace.ledger.*.api..", "org.makerspace.ledger.common..",
                                               "org.makerspace.ledger.storage..", "org.makerspace.ledger.eventstore..",
                                               "org.makerspace.ledger.upcasting.."))
                        .or(simpleNameEndingWith("WriteModel"))
                        .or(simpleName("LabRules")).or(simpleName("EventSourcedLabRules"))
                        .or(simpleName("LabIssuerIds")).or(simpleName("UploadedImages")))
                .check(API);
    }
}
