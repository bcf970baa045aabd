package org.makerspace.ledger.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.common.UnknownReference;
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
import org.makerspace.ledger.member.api.CertificationScope;

/**
 * What every {@link LabRules} must decide, given the same lab events. Run against the real, event-sourced rules
 * and against the in-memory fake that other features' tests use.
 */
abstract class LabRulesContract {

    static final LabId PARIS = LabId.of("fablab-paris");
    static final LabId LYON = LabId.of("fablab-lyon");
    static final TrainerId ALICE = TrainerId.of("alice");
    static final TrainerId BOB = TrainerId.of("bob");
    static final MachineId LASER_1 = MachineId.of("laser-1");
    static final MachineId LASER_2 = MachineId.of("laser-2");
    static final MachineId CNC_1 = MachineId.of("cnc-1");
    static final Instant BROKEN = Instant.parse("2026-03-02T10:00:00Z");

    /** Rules deciding over the given lab events, which may belong to several labs. */
    abstract LabRules rulesOver(Object... labEvents);

    private LabRules parisWithAliceOnLaserCutters(Object... moreEvents) {
        Object[] paris = {
                new LabRegistered(PARIS, "Fablab Paris", "https://fablab.paris", null),
                new TrainerRegistered(PARIS, ALICE),
                new TrainerQualified(PARIS, ALICE, MachineType.LASER_CUTTER),
                new TrainerRegistered(PARIS, BOB),
                new MachineRegistered(PARIS, LASER_1, "Trotec Speedy 300", MachineType.LASER_CUTTER, RiskLevel.HIGH, 120),
                new MachineRegistered(PARIS, LASER_2, "Epilog Fusion", MachineType.LASER_CUTTER, RiskLevel.HIGH, 120),
                new MachineRegistered(PARIS, CNC_1, "Shopbot", MachineType.CNC_MILL, RiskLevel.HIGH, 240),
                new LabRegistered(LYON, "Fablab Lyon", "https://fablab-lyon.example", null),
        };
        Object[] all = new Object[paris.length + moreEvents.length];
        System.arraycopy(paris, 0, all, 0, paris.length);
        System.arraycopy(moreEvents, 0, all, paris.length, moreEvents.length);
        return rulesOver(all);
    }

    @Test
    void acceptsRegisteredLab() {
        LabRules rules = parisWithAliceOnLaserCutters();

        assertThatCode(() -> rules.requireLab(PARIS)).doesNotThrowAnyException();
    }

    @Test
    void refusesUnknownLab() {
        LabRules rules = parisWithAliceOnLaserCutters();

        assertRefused(() -> rules.requireLab(LabId.of("fablab-x")), UnknownReference.class, "unknown-lab",
                "lab fablab-x is not registered");
    }

    @Test
    void acceptsTrainerRegisteredInLab() {
        LabRules rules = parisWithAliceOnLaserCutters();

        assertThatCode(() -> rules.requireTrainer(PARIS, BOB)).doesNotThrowAnyException();
    }

    @Test
    void refusesTrainerRegisteredInAnotherLab() {
        LabRules rules = parisWithAliceOnLaserCutters();

        assertRefused(() -> rules.requireTrainer(LYON, ALICE), UnknownReference.class, "unknown-trainer",
                "trainer alice is not registered in lab fablab-lyon");
    }

    @Test
    void refusesTrainerOfUnknownLab() {
        LabRules rules = parisWithAliceOnLaserCutters();

        assertRefused(() -> rules.requireTrainer(LabId.of("fablab-x"), ALICE), UnknownReference.class, "unknown-lab",
                "lab fablab-x is not registered");
    }

    @Test
    void qualifiedTrainerMayCertifyOnMachineOfTheirType() {
        LabRules rules = parisWithAliceOnLaserCutters();

        assertThat(rules.requireMayCertify(PARIS, ALICE, new CertificationScope.OneMachine(LASER_1)))
                .isEqualTo(new MachineFacts(MachineType.LASER_CUTTER));
    }

    @Test
    void qualifiedTrainerMayCertifyOnTheirMachineType() {
        LabRules rules = parisWithAliceOnLaserCutters();

        assertThat(rules.requireMayCertify(PARIS, ALICE, new CertificationScope.MachineFamily(MachineType.LASER_CUTTER)))
                .isEqualTo(new MachineFacts(MachineType.LASER_CUTTER));
    }

    @Test
    void cannotCertifyOnMachineOfAnotherType() {
        LabRules rules = parisWithAliceOnLaserCutters();

        assertRefused(() -> rules.requireMayCertify(PARIS, ALICE, new CertificationScope.OneMachine(CNC_1)),
                DomainRefusal.class, "trainer-not-qualified",
                "trainer alice of lab fablab-paris is not qualified on cnc-mill (qualified on: laser-cutter)");
    }

    @Test
    void cannotCertifyOnMachineTypeWithoutQualification() {
        LabRules rules = parisWithAliceOnLaserCutters();

        assertRefused(() -> rules.requireMayCertify(PARIS, BOB, new CertificationScope.MachineFamily(MachineType.LASER_CUTTER)),
                DomainRefusal.class, "trainer-not-qualified",
                "trainer bob of lab fablab-paris is not qualified on laser-cutter (qualified on: no machine type)");
    }

    @Test
    void cannotCertifyAfterQualificationWithdrawn() {
        LabRules rules = parisWithAliceOnLaserCutters(
                new TrainerQualificationWithdrawn(PARIS, ALICE, MachineType.LASER_CUTTER, "left the lab"));

        assertRefused(() -> rules.requireMayCertify(PARIS, ALICE, new CertificationScope.OneMachine(LASER_1)),
                DomainRefusal.class, "trainer-not-qualified",
                "trainer alice of lab fablab-paris is not qualified on laser-cutter (qualified on: no machine type)");
    }

    @Test
    void cannotCertifyOnMachineOfAnotherLab() {
        LabRules rules = parisWithAliceOnLaserCutters(new TrainerRegistered(LYON, ALICE),
                new TrainerQualified(LYON, ALICE, MachineType.LASER_CUTTER));

        assertRefused(() -> rules.requireMayCertify(LYON, ALICE, new CertificationScope.OneMachine(LASER_1)),
                UnknownReference.class, "unknown-machine", "machine laser-1 is not registered in lab fablab-lyon");
    }

    @Test
    void cannotCertifyByTrainerNotRegisteredInLab() {
        LabRules rules = parisWithAliceOnLaserCutters();

        assertRefused(() -> rules.requireMayCertify(LYON, ALICE, new CertificationScope.MachineFamily(MachineType.LASER_CUTTER)),
                UnknownReference.class, "unknown-trainer", "trainer alice is not registered in lab fablab-lyon");
    }

    @Test
    void cannotCertifyInUnknownLab() {
        LabRules rules = parisWithAliceOnLaserCutters();

        assertRefused(() -> rules.requireMayCertify(LabId.of("fablab-x"), ALICE, new CertificationScope.OneMachine(LASER_1)),
                UnknownReference.class, "unknown-lab", "lab fablab-x is not registered");
    }

    @Test
    void cannotCertifyOnMachineOutOfService() {
        LabRules rules = parisWithAliceOnLaserCutters(new MachinePutOutOfService(PARIS, LASER_2, "lens cleaning", BROKEN));

        assertRefused(() -> rules.requireMayCertify(PARIS, ALICE, new CertificationScope.OneMachine(LASER_2)),
                DomainRefusal.class, "machine-out-of-service",
                "machine laser-2 of lab fablab-paris is out of service since 2026-03-02T10:00:00Z: lens cleaning");
    }

    @Test
    void canCertifyOnMachineTypeWhileOneMachineIsOutOfService() {
        LabRules rules = parisWithAliceOnLaserCutters(new MachinePutOutOfService(PARIS, LASER_2, "lens cleaning", BROKEN));

        assertThat(rules.requireMayCertify(PARIS, ALICE, new CertificationScope.MachineFamily(MachineType.LASER_CUTTER)))
                .isEqualTo(new MachineFacts(MachineType.LASER_CUTTER));
    }

    @Test
    void canCertifyOnMachineBackInService() {
        LabRules rules = parisWithAliceOnLaserCutters(new MachinePutOutOfService(PARIS, LASER_2, "lens cleaning", BROKEN),
                new MachineReturnedToService(PARIS, LASER_2, BROKEN.plusSeconds(3600)));

        assertThat(rules.requireMayCertify(PARIS, ALICE, new CertificationScope.OneMachine(LASER_2)))
                .isEqualTo(new MachineFacts(MachineType.LASER_CUTTER));
    }

    private static void assertRefused(ThrowingCallable check, Class<? extends DomainRefusal> type, String code, String message) {
        assertThatThrownBy(check)
                .isInstanceOf(type)
                .hasMessage(message)
                .extracting(e -> ((DomainRefusal) e).code()).isEqualTo(code);
    }
}
