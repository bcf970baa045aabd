package org.makerspace.ledger;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;

/** The ledger's dependency and design rules, stated so that they cannot rot. */
@AnalyzeClasses(packages = "org.makerspace.ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class LedgerArchitectureTest {

    @ArchTest
    static final ArchRule messagesDependOnlyOnMessagesAndCommon = noClasses()
            .that().resideInAPackage("org.makerspace.ledger..api..")
            .should().dependOnClassesThat(resideInAPackage("org.makerspace.ledger..")
                    .and(not(resideInAnyPackage("org.makerspace.ledger..api..", "org.makerspace.ledger.common.."))))
            .because("the api packages are all that projections and the HTTP layer import; "
                    + "they must not drag aggregates or storage along");

    @ArchTest
    static final ArchRule aggregatesAreNotPublic = classes()
            .that().areAnnotatedWith(AggregateRoot.class)
            .or().areMetaAnnotatedWith(AggregateRoot.class)
            .or().containAnyFieldsThat(annotatedWith(AggregateIdentifier.class))
            .should().notBePublic()
            .because("other features talk to an aggregate through commands, or through a rules interface, never directly");

    @ArchTest
    static final ArchRule noWallClockOutsideStorage = noClasses()
            .that().resideOutsideOfPackages("..eventstore..", "..storage..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .because("time comes from the message, so that a replay decides as the original run did; "
                    + "only the event storage stamps the time it stores");
}
