package org.makerspace.controller.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The reference controller needs what a real one would: the protocol module, the JDK (its HTTP client among it) and
 * nimbus, which the protocol brings. No Spring, nothing of the server.
 */
class ArchitectureTest {

    @Test
    void theSimulatorDependsOnTheProtocolTheJdkAndNimbusOnly() {
        classes().that().resideInAPackage("org.makerspace.controller.simulator..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.makerspace.controller.simulator..",
                                                                       "org.makerspace.machine.protocol..", "java..",
                                                                       "javax.crypto..", "com.nimbusds..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                               .importPackages("org.makerspace.controller.simulator"));
    }
}
