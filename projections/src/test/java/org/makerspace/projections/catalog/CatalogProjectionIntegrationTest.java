package org.makerspace.projections.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.support.TestEvents.FABLAB;
import static org.makerspace.projections.support.TestEvents.LASER;
import static org.makerspace.projections.support.TestEvents.OTHER_LAB;
import static org.makerspace.projections.support.TestEvents.PRINTER;
import static org.makerspace.projections.support.TestEvents.T0;
import static org.makerspace.projections.support.TestEvents.TRAINER;
import static org.makerspace.projections.support.TestEvents.days;
import static org.makerspace.projections.support.TestEvents.laserRegistered;
import static org.makerspace.projections.support.TestEvents.printerRegistered;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.AchievementRetired;
import org.makerspace.ledger.achievement.api.AchievementRevised;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachinePutOutOfService;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineReturnedToService;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.RiskLevel;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.lab.api.TrainerQualificationWithdrawn;
import org.makerspace.ledger.lab.api.TrainerQualified;
import org.makerspace.ledger.lab.api.TrainerRegistered;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.ObservedStorage;
import org.makerspace.projections.support.StoredDocuments;

class CatalogProjectionIntegrationTest {

    private static final AchievementId LASER_BADGE = AchievementId.of("laser-badge");
    private static final Criterion LASER_COURSE = new Criterion.TrainingCompleted("laser-basics");
    private static final Criterion LASER_HELD =
            new Criterion.CertificationHeld(MachineType.LASER_CUTTER, CertificationLevel.AUTONOMOUS);
    /** The time Axon stamped on the registration event: the catalog's registration time. */
    private static final Instant RECORDED = T0.plusSeconds(7);

    private ObservedStorage observed;
    private LedgerStorage storage;
    private CatalogProjection catalog;

    @BeforeEach
    void freshStorage() {
        observed = ObservedStorage.open("catalog");
        storage = observed.storage();
        catalog = new CatalogProjection(storage);
    }

    @AfterEach
    void close() {
        observed.close();
    }

    private static LabRegistered fablabRegistered() {
        return new LabRegistered(FABLAB, "Fablab North", "https://north.example", "hi@north.example");
    }

    private static AchievementDefined laserBadgeDefined() {
        return new AchievementDefined(LASER_BADGE, FABLAB, 1, "Laser operator", "Trained on the laser",
                                      List.of(LASER_COURSE), "https://north.example/laser.png");
    }

    private static AchievementRevised laserBadgeRevised() {
        return new AchievementRevised(LASER_BADGE, 2, "Laser pro", "Trained and certified", List.of(LASER_COURSE, LASER_HELD),
                                      "https://north.example/laser-2.png");
    }

    private LabView lab(LabId lab) {
        return catalog.find(new FindLab(lab));
    }

    private MachineView machine(MachineId machine) {
        return catalog.find(new FindMachine(machine));
    }

    private AchievementView achievement(AchievementId achievement) {
        return catalog.find(new FindAchievement(achievement));
    }

    // ---------------------------------------------------------------- labs

    @Test
    void registeredLabShowsItsProfileRegisteredWhenTheEventWasRecorded() {
        catalog.on(fablabRegistered(), RECORDED);

        LabView lab = lab(FABLAB);

        assertThat(lab.labId()).isEqualTo(FABLAB);
        assertThat(lab.name()).isEqualTo("Fablab North");
        assertThat(lab.publicUrl()).isEqualTo("https://north.example");
        assertThat(lab.contactEmail()).isEqualTo("hi@north.example");
        assertThat(lab.registeredAt()).isEqualTo(RECORDED);
        assertThat(lab.machines()).isEmpty();
        assertThat(lab.trainers()).isEmpty();
        assertThat(lab.achievements()).isEmpty();
    }

    @Test
    void hasNoViewOfAnUnknownLab() {
        assertThat(lab(OTHER_LAB)).isNull();
    }

    @Test
    void showsALabOnlyOnceItsRegistrationIsSeen() {
        catalog.on(laserRegistered());

        assertThat(lab(FABLAB)).isNull();
        assertThat(catalog.find(new FindLabs()).labs()).isEmpty();

        catalog.on(fablabRegistered(), RECORDED);
        assertThat(lab(FABLAB).machines()).extracting(MachineView::machineId).containsExactly(LASER);
    }

    @Test
    void listsEveryRegisteredLabByLabId() {
        catalog.on(new LabRegistered(OTHER_LAB, "Fablab South", "https://south.example", null), RECORDED);
        catalog.on(fablabRegistered(), RECORDED);
        catalog.on(new MachineRegistered(LabId.of("fablab-unseen"), MachineId.of("mill-9"), "Mill", MachineType.CNC_MILL,
                                         RiskLevel.HIGH, 60));

        LabList labs = catalog.find(new FindLabs());

        assertThat(labs.labs()).extracting(LabView::labId).containsExactly(FABLAB, OTHER_LAB);
        assertThat(labs.labs().get(1).contactEmail()).isNull();
    }

    // ---------------------------------------------------------------- machines

    @Test
    void registeredMachineShowsInItsLabAndIsFoundWithItsLab() {
        catalog.on(fablabRegistered(), RECORDED);
        catalog.on(laserRegistered());
        catalog.on(printerRegistered());

        MachineView laser = machine(LASER);

        assertThat(laser.labId()).isEqualTo(FABLAB);
        assertThat(laser.name()).isEqualTo("Laser cutter");
        assertThat(laser.machineType()).isEqualTo(MachineType.LASER_CUTTER);
        assertThat(laser.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(laser.maxSessionMinutes()).isEqualTo(120);
        assertThat(laser.inService()).isTrue();
        assertThat(laser.outOfService()).isNull();
        assertThat(laser.inServiceSince()).isNull();
        assertThat(lab(FABLAB).machines()).containsExactly(laser, machine(PRINTER));
    }

    @Test
    void hasNoViewOfAnUnknownMachine() {
        catalog.on(fablabRegistered(), RECORDED);

        assertThat(machine(MachineId.of("laser-99"))).isNull();
    }

    @Test
    void machineOutOfServiceShowsReasonAndSinceUntilItReturns() {
        catalog.on(laserRegistered());
        catalog.on(new MachinePutOutOfService(FABLAB, LASER, "mirror cleaning", days(3)));

        assertThat(machine(LASER).inService()).isFalse();
        assertThat(machine(LASER).outOfService()).isEqualTo(new OutOfService("mirror cleaning", days(3)));

        catalog.on(new MachineReturnedToService(FABLAB, LASER, days(4)));
        assertThat(machine(LASER).inService()).isTrue();
        assertThat(machine(LASER).outOfService()).isNull();
        assertThat(machine(LASER).inServiceSince()).isEqualTo(days(4));
    }

    @Test
    void machineIdRegisteredByASecondLabStaysWithTheFirst() {
        catalog.on(laserRegistered());
        catalog.on(new MachineRegistered(OTHER_LAB, LASER, "Their laser", MachineType.LASER_CUTTER, RiskLevel.HIGH, 30));
        catalog.on(new LabRegistered(OTHER_LAB, "Fablab South", "https://south.example", null), RECORDED);

        assertThat(machine(LASER).labId()).isEqualTo(FABLAB);
        assertThat(machine(LASER).name()).isEqualTo("Laser cutter");
        assertThat(lab(OTHER_LAB).machines()).isEmpty();
    }

    // ---------------------------------------------------------------- trainers

    @Test
    void trainerShowsTheMachineTypesTheyQualifiedOnInOrder() {
        catalog.on(fablabRegistered(), RECORDED);
        catalog.on(new TrainerRegistered(FABLAB, TRAINER));
        catalog.on(new TrainerRegistered(FABLAB, TrainerId.of("trainer-una")));
        catalog.on(new TrainerQualified(FABLAB, TRAINER, MachineType.PRINTER_3D));
        catalog.on(new TrainerQualified(FABLAB, TRAINER, MachineType.LASER_CUTTER));

        assertThat(lab(FABLAB).trainers()).containsExactly(
                new TrainerView(TRAINER, List.of(MachineType.PRINTER_3D, MachineType.LASER_CUTTER)),
                new TrainerView(TrainerId.of("trainer-una"), List.of()));
    }

    @Test
    void withdrawnQualificationLeavesTheTrainersOtherTypes() {
        catalog.on(fablabRegistered(), RECORDED);
        catalog.on(new TrainerRegistered(FABLAB, TRAINER));
        catalog.on(new TrainerQualified(FABLAB, TRAINER, MachineType.PRINTER_3D));
        catalog.on(new TrainerQualified(FABLAB, TRAINER, MachineType.LASER_CUTTER));

        catalog.on(new TrainerQualificationWithdrawn(FABLAB, TRAINER, MachineType.PRINTER_3D, "no longer on staff"));

        assertThat(lab(FABLAB).trainers()).singleElement()
                .isEqualTo(new TrainerView(TRAINER, List.of(MachineType.LASER_CUTTER)));
    }

    // ---------------------------------------------------------------- achievements

    @Test
    void definedAchievementShowsInItsLabAndIsFoundWithItsLab() {
        catalog.on(fablabRegistered(), RECORDED);
        catalog.on(laserBadgeDefined());

        AchievementView badge = achievement(LASER_BADGE);

        assertThat(badge).isEqualTo(new AchievementView(LASER_BADGE, FABLAB, 1, "Laser operator", "Trained on the laser",
                                                        List.of(LASER_COURSE), "https://north.example/laser.png", false));
        assertThat(lab(FABLAB).achievements()).containsExactly(badge);
    }

    @Test
    void hasNoViewOfAnUnknownAchievement() {
        assertThat(achievement(LASER_BADGE)).isNull();
    }

    @Test
    void revisionReplacesVersionNameDescriptionCriteriaAndImage() {
        catalog.on(laserBadgeDefined());

        catalog.on(laserBadgeRevised());

        assertThat(achievement(LASER_BADGE)).isEqualTo(new AchievementView(LASER_BADGE, FABLAB, 2, "Laser pro",
                "Trained and certified", List.of(LASER_COURSE, LASER_HELD), "https://north.example/laser-2.png", false));
    }

    @Test
    void retiredAchievementStaysVisibleMarkedRetired() {
        catalog.on(laserBadgeDefined());
        catalog.on(laserBadgeRevised());

        catalog.on(new AchievementRetired(LASER_BADGE, 2, "replaced"));

        assertThat(achievement(LASER_BADGE).retired()).isTrue();
        assertThat(achievement(LASER_BADGE).version()).isEqualTo(2);
    }

    @Test
    void revisionOrRetirementOfAnUnknownAchievementChangesNothing() {
        catalog.on(fablabRegistered(), RECORDED);
        Map<String, List<Document>> before = StoredDocuments.readModels(storage.database());

        catalog.on(laserBadgeRevised());
        catalog.on(new AchievementRetired(LASER_BADGE, 2, "replaced"));

        assertThat(StoredDocuments.readModels(storage.database())).isEqualTo(before);
        assertThat(achievement(LASER_BADGE)).isNull();
    }

    @Test
    void redeliveredDefinitionOrOlderRevisionKeepsTheLaterRevisionAndRetirement() {
        catalog.on(laserBadgeDefined());
        catalog.on(laserBadgeRevised());
        catalog.on(new AchievementRevised(LASER_BADGE, 3, "Laser master", "d3", List.of(LASER_HELD), null));
        catalog.on(new AchievementRetired(LASER_BADGE, 3, "replaced"));
        AchievementView latest = achievement(LASER_BADGE);

        catalog.on(laserBadgeDefined());
        catalog.on(laserBadgeRevised());

        assertThat(achievement(LASER_BADGE)).isEqualTo(latest);
        assertThat(latest.version()).isEqualTo(3);
        assertThat(latest.retired()).isTrue();
    }

    // ---------------------------------------------------------------- redelivery, reads, reset

    /** Every event kind, in an order the ledger allows. */
    private static List<Object> history() {
        return List.of(
                fablabRegistered(),
                new TrainerRegistered(FABLAB, TRAINER),
                new TrainerQualified(FABLAB, TRAINER, MachineType.LASER_CUTTER),
                new TrainerQualified(FABLAB, TRAINER, MachineType.PRINTER_3D),
                new TrainerQualificationWithdrawn(FABLAB, TRAINER, MachineType.PRINTER_3D, "moved"),
                laserRegistered(),
                printerRegistered(),
                new MachinePutOutOfService(FABLAB, LASER, "mirror", days(1)),
                new MachineReturnedToService(FABLAB, LASER, days(2)),
                new MachinePutOutOfService(FABLAB, PRINTER, "nozzle", days(3)),
                laserBadgeDefined(),
                laserBadgeRevised(),
                new AchievementRetired(LASER_BADGE, 2, "replaced"));
    }

    @Test
    void applyingEachEventTwiceLeavesTheSameDocuments() {
        for (Object event : history()) {
            apply(catalog, event);
            Map<String, List<Document>> once = StoredDocuments.readModels(storage.database());

            apply(catalog, event);

            assertThat(StoredDocuments.readModels(storage.database())).as("%s applied twice", event).isEqualTo(once);
        }
        assertThat(StoredDocuments.readModels(storage.database())).containsOnlyKeys(
                CatalogProjection.LABS, CatalogProjection.MACHINES, CatalogProjection.ACHIEVEMENT_LABS);
    }

    @Test
    void redeliveringTheWholeHistoryInOrderLeavesTheSameDocuments() {
        history().forEach(event -> apply(catalog, event));
        Map<String, List<Document>> once = StoredDocuments.readModels(storage.database());

        history().forEach(event -> apply(catalog, event));

        assertThat(StoredDocuments.readModels(storage.database())).isEqualTo(once);
    }

    @Test
    void readsOnlyByIdWhenProjectingAndWhenFindingALabMachineOrAchievement() {
        catalog.on(fablabRegistered(), RECORDED);
        observed.reset();

        history().forEach(event -> apply(catalog, event));
        lab(FABLAB);
        machine(LASER);
        achievement(LASER_BADGE);
        machine(MachineId.of("unknown"));

        assertThat(observed.reads()).hasSizeGreaterThan(history().size()).allMatch(ObservedStorage::isPointLookupOnId);
    }

    @Test
    void resetDropsEveryCatalogCollection() {
        history().forEach(event -> apply(catalog, event));

        catalog.reset();

        assertThat(storage.database().listCollectionNames().into(new ArrayList<>()))
                .doesNotContain(CatalogProjection.LABS, CatalogProjection.MACHINES, CatalogProjection.ACHIEVEMENT_LABS);
        assertThat(lab(FABLAB)).isNull();
        assertThat(machine(LASER)).isNull();
        assertThat(achievement(LASER_BADGE)).isNull();
    }

    private static void apply(CatalogProjection projection, Object event) {
        if (event instanceof LabRegistered registered) {
            projection.on(registered, RECORDED);
        } else if (event instanceof TrainerRegistered registered) {
            projection.on(registered);
        } else if (event instanceof TrainerQualified qualified) {
            projection.on(qualified);
        } else if (event instanceof TrainerQualificationWithdrawn withdrawn) {
            projection.on(withdrawn);
        } else if (event instanceof MachineRegistered registered) {
            projection.on(registered);
        } else if (event instanceof MachinePutOutOfService outOfService) {
            projection.on(outOfService);
        } else if (event instanceof MachineReturnedToService returned) {
            projection.on(returned);
        } else if (event instanceof AchievementDefined defined) {
            projection.on(defined);
        } else if (event instanceof AchievementRevised revised) {
            projection.on(revised);
        } else if (event instanceof AchievementRetired retired) {
            projection.on(retired);
        } else {
            throw new IllegalArgumentException("the catalog does not handle " + event);
        }
    }
}
