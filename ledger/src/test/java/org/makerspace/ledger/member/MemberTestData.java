package org.makerspace.ledger.member;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.makerspace.ledger.lab.InMemoryLabRules;
import org.makerspace.ledger.lab.LabRules;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachinePutOutOfService;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.RiskLevel;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.lab.api.TrainerQualified;
import org.makerspace.ledger.lab.api.TrainerRegistered;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.MemberRegistered;

/** The labs and the member the member tests share. */
final class MemberTestData {

    static final MemberId MARIE = MemberId.of("marie");
    static final LabId PARIS = LabId.of("fablab-paris");
    static final LabId LYON = LabId.of("fablab-lyon");
    /** Registered in Paris, qualified on laser cutters. */
    static final TrainerId ALICE = TrainerId.of("alice");
    /** Registered in Paris, qualified on nothing. */
    static final TrainerId BOB = TrainerId.of("bob");
    /** Registered in Lyon, qualified on laser cutters. */
    static final TrainerId CAROL = TrainerId.of("carol-lyon");
    /** A laser cutter of Paris, in service. */
    static final MachineId LASER_1 = MachineId.of("laser-1");
    /** A laser cutter of Paris, out of service since {@link #LASER_2_BROKEN}. */
    static final MachineId LASER_2 = MachineId.of("laser-2");
    static final Instant LASER_2_BROKEN = Instant.parse("2026-03-02T10:00:00Z");

    static final Instant REGISTERED = Instant.parse("2026-01-05T09:00:00Z");
    static final MemberRegistered MARIE_REGISTERED = new MemberRegistered(MARIE, PARIS, REGISTERED);

    static final LabRules LABS = InMemoryLabRules.of(
            new LabRegistered(PARIS, "Fablab Paris", "https://fablab.paris", null),
            new TrainerRegistered(PARIS, ALICE),
            new TrainerQualified(PARIS, ALICE, MachineType.LASER_CUTTER),
            new TrainerRegistered(PARIS, BOB),
            new MachineRegistered(PARIS, LASER_1, "Trotec Speedy 300", MachineType.LASER_CUTTER, RiskLevel.HIGH, 120),
            new MachineRegistered(PARIS, LASER_2, "Epilog Fusion", MachineType.LASER_CUTTER, RiskLevel.HIGH, 120),
            new MachinePutOutOfService(PARIS, LASER_2, "lens cleaning", LASER_2_BROKEN),
            new LabRegistered(LYON, "Fablab Lyon", "https://fablab-lyon.example", null),
            new TrainerRegistered(LYON, CAROL),
            new TrainerQualified(LYON, CAROL, MachineType.LASER_CUTTER));

    private MemberTestData() {
    }

    /** A member fixture whose command handlers check the lab rules against {@link #LABS}. */
    static FixtureConfiguration<Member> memberFixture() {
        FixtureConfiguration<Member> fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(LABS);
        return fixture;
    }
}
