package org.makerspace.machine.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** A controller, a simulator or a CLI can take this module alone: it needs the JDK and nimbus, nothing of ours. */
class ArchitectureTest {

    @Test
    void theProtocolDependsOnTheJdkAndNimbusOnly() {
        classes().that().resideInAPackage("org.makerspace.machine.protocol..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.makerspace.machine.protocol..", "java..",
                                                                       "com.nimbusds..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                               .importPackages("org.makerspace.machine.protocol"));
    }
}
