package org.makerspace.ledger.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;

import java.time.Instant;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.common.Snapshots;
import org.makerspace.ledger.lab.api.ChangeMachineRequirement;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachinePutOutOfService;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineRequirementChanged;
import org.makerspace.ledger.lab.api.MachineReturnedToService;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.PartnerAchievementRecognised;
import org.makerspace.ledger.lab.api.PartnerLabTrusted;
import org.makerspace.ledger.lab.api.PartnerTrustWithdrawn;
import org.makerspace.ledger.lab.api.PutMachineOutOfService;
import org.makerspace.ledger.lab.api.QualifyTrainer;
import org.makerspace.ledger.lab.api.RecognisePartnerAchievement;
import org.makerspace.ledger.lab.api.RegisterMachine;
import org.makerspace.ledger.lab.api.ReturnMachineToService;
import org.makerspace.ledger.lab.api.RiskLevel;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.lab.api.TrainerQualified;
import org.makerspace.ledger.lab.api.TrainerRegistered;
import org.makerspace.ledger.lab.api.TrustPartnerLab;
import org.makerspace.ledger.lab.api.WithdrawPartnerTrust;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;

/** A lab restored from a snapshot decides as the lab it was taken from. */
class LabSnapshotTest {

    private static final Instant IN_SERVICE = Instant.parse("2026-01-05T09:00:00Z");

    private static final LabId PARIS = LabId.of("fablab-paris");
    private static final TrainerId ALICE = TrainerId.of("alice");
    private static final TrainerId BOB = TrainerId.of("bob");
    private static final MachineId LASER_1 = MachineId.of("laser-1");
    private static final MachineId CNC_1 = MachineId.of("cnc-1");
    private static final Instant BROKEN = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant REPAIRED = Instant.parse("2026-03-05T09:00:00Z");
    private static final String LYON = "https://badges.fablab-lyon.example/issuers/main";
    private static final String BERLIN = "https://badges.fablab-berlin.example/issuers/main";
    private static final String LYON_LASER = "https://badges.fablab-lyon.example/achievements/laser-basics";
    private static final CertificationScope LASERS = new CertificationScope.MachineFamily(MachineType.LASER_CUTTER);
    private static final LabIssuerIds ISSUER_IDS = lab -> "https://badges.example/ob3/issuers/" + lab;

    /**
     * Trainers with and without qualifications, a machine back in service and one out of it, a partner trusted and
     * one no longer.
     */
    private static Lab labWithHistory() {
        AggregateTestFixture<Lab> fixture = new AggregateTestFixture<>(Lab.class);
        fixture.registerInjectableResource(ISSUER_IDS);
        return Snapshots.stateAfter(fixture
                .given(new LabRegistered(PARIS, "Fablab Paris", "https://fablab.paris", null),
                        new TrainerRegistered(PARIS, ALICE),
                        new TrainerQualified(PARIS, ALICE, MachineType.LASER_CUTTER),
                        new TrainerQualified(PARIS, ALICE, MachineType.CNC_MILL),
                        new TrainerRegistered(PARIS, BOB),
                        new MachineRegistered(PARIS, LASER_1, "Trotec Speedy 300", MachineType.LASER_CUTTER, RiskLevel.HIGH, 120),
                        new MachinePutOutOfService(PARIS, LASER_1, "lens cleaning", BROKEN),
                        new MachineReturnedToService(PARIS, LASER_1, REPAIRED),
                        new MachineRegistered(PARIS, CNC_1, "Shopbot", MachineType.CNC_MILL, RiskLevel.HIGH, 240),
                        new MachineRequirementChanged(PARIS, CNC_1, CertificationLevel.AUTONOMOUS, 6),
                        new PartnerLabTrusted(PARIS, LYON, "Fablab Lyon", BROKEN),
                        new PartnerLabTrusted(PARIS, BERLIN, "Fablab Berlin", BROKEN),
                        new PartnerAchievementRecognised(PARIS, LYON, LYON_LASER, LASERS, CertificationLevel.AUTONOMOUS,
                                                         REPAIRED),
                        new PartnerTrustWithdrawn(PARIS, BERLIN, "left the network", REPAIRED))
                .when(new PutMachineOutOfService(PARIS, CNC_1, "spindle worn", REPAIRED)));
    }

    private static TestExecutor<Lab> given(Lab restored) {
        AggregateTestFixture<Lab> fixture = new AggregateTestFixture<>(Lab.class);
        fixture.registerInjectableResource(ISSUER_IDS);
        return fixture.givenState(() -> restored);
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredLabStillRefusesDuplicateMachine(Serializer serializer) {
        Lab restored = Snapshots.roundTrip(serializer, labWithHistory());

        given(restored)
                .when(new RegisterMachine(PARIS, LASER_1, "Another laser", MachineType.LASER_CUTTER, RiskLevel.HIGH, 60, IN_SERVICE))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("duplicate-machine"))
                .expectExceptionMessage("machine laser-1 is already registered in lab fablab-paris as a laser-cutter");
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredLabStillKnowsWhyMachineIsOutOfService(Serializer serializer) {
        Lab restored = Snapshots.roundTrip(serializer, labWithHistory());

        given(restored)
                .when(new PutMachineOutOfService(PARIS, CNC_1, "dust extraction", REPAIRED.plusSeconds(60)))
                .expectException(refusedWithCode("machine-out-of-service"))
                .expectExceptionMessage("machine cnc-1 of lab fablab-paris is out of service since 2026-03-05T09:00:00Z: spindle worn");
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredLabStillKnowsWhenMachineReturnedToService(Serializer serializer) {
        Lab restored = Snapshots.roundTrip(serializer, labWithHistory());

        given(restored)
                .when(new ReturnMachineToService(PARIS, LASER_1, REPAIRED))
                .expectException(refusedWithCode("machine-in-service"))
                .expectExceptionMessage("machine laser-1 of lab fablab-paris is in service since 2026-03-05T09:00:00Z");
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredLabStillKnowsTrainerQualifications(Serializer serializer) {
        Lab restored = Snapshots.roundTrip(serializer, labWithHistory());

        assertThat(restored.requireMayCertify(ALICE, new CertificationScope.OneMachine(LASER_1)))
                .isEqualTo(new MachineFacts(MachineType.LASER_CUTTER));
        assertThatThrownBy(() -> restored.requireMayCertify(BOB, new CertificationScope.OneMachine(LASER_1)))
                .hasMessage("trainer bob of lab fablab-paris is not qualified on laser-cutter (qualified on: no machine type)");
        given(restored)
                .when(new QualifyTrainer(PARIS, ALICE, MachineType.CNC_MILL))
                .expectException(refusedWithCode("already-qualified"));
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredLabStillKnowsItsPartners(Serializer serializer) {
        Lab restored = Snapshots.roundTrip(serializer, labWithHistory());

        given(restored)
                .when(new TrustPartnerLab(PARIS, LYON, "Lyon again", REPAIRED))
                .expectException(refusedWithCode("partner-already-trusted"))
                .expectExceptionMessage("lab fablab-paris has trusted partner Fablab Lyon (" + LYON
                        + ") since 2026-03-02T10:00:00Z");
        given(Snapshots.roundTrip(serializer, labWithHistory()))
                .when(new WithdrawPartnerTrust(PARIS, BERLIN, "again", REPAIRED))
                .expectException(refusedWithCode("partner-not-trusted"));
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredLabStillRefusesRecognisingPartnerAchievementTwice(Serializer serializer) {
        Lab restored = Snapshots.roundTrip(serializer, labWithHistory());

        given(restored)
                .when(new RecognisePartnerAchievement(PARIS, LYON, LYON_LASER, LASERS, CertificationLevel.SUPERVISED,
                                                      REPAIRED.plusSeconds(60)))
                .expectException(refusedWithCode("partner-achievement-already-recognised"));
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredLabStillKnowsTheRequirementsInForce(Serializer serializer) {
        Lab restored = Snapshots.roundTrip(serializer, labWithHistory());

        given(restored)
                .when(new ChangeMachineRequirement(PARIS, CNC_1, CertificationLevel.AUTONOMOUS, 6))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        given(Snapshots.roundTrip(serializer, labWithHistory()))
                .when(new ChangeMachineRequirement(PARIS, CNC_1, CertificationLevel.AUTONOMOUS, 12))
                .expectEvents(new MachineRequirementChanged(PARIS, CNC_1, CertificationLevel.AUTONOMOUS, 12));
    }
}
