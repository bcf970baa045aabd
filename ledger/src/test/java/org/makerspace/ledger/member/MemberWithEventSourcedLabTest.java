package org.makerspace.ledger.member;

import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;
import static org.makerspace.ledger.member.MemberTestData.ALICE;
import static org.makerspace.ledger.member.MemberTestData.LASER_1;
import static org.makerspace.ledger.member.MemberTestData.LASER_2;
import static org.makerspace.ledger.member.MemberTestData.MARIE;
import static org.makerspace.ledger.member.MemberTestData.MARIE_REGISTERED;
import static org.makerspace.ledger.member.MemberTestData.PARIS;

import java.time.Instant;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.lab.EventSourcedLabs;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachinePutOutOfService;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.RiskLevel;
import org.makerspace.ledger.lab.api.TrainerQualified;
import org.makerspace.ledger.lab.api.TrainerRegistered;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.GrantMachineCertification;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.RegisterMember;

/**
 * The member's command handlers with the real lab rules injected: the lab is loaded from its own event store inside
 * the unit of work of the member's command, as it will be in the application.
 */
class MemberWithEventSourcedLabTest {

    private static final CertificationId CERT = CertificationId.of("cert-laser");
    private static final Instant GRANTED = Instant.parse("2026-03-03T15:00:00Z");

    private final EmbeddedEventStore labEvents = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final FixtureConfiguration<Member> fixture = new AggregateTestFixture<>(Member.class);

    @BeforeEach
    void setUp() {
        fixture.registerInjectableResource(EventSourcedLabs.rulesOver(labEvents,
                new LabRegistered(PARIS, "Fablab Paris", "https://fablab.paris", null),
                new TrainerRegistered(PARIS, ALICE),
                new TrainerQualified(PARIS, ALICE, MachineType.LASER_CUTTER),
                new MachineRegistered(PARIS, LASER_1, "Trotec Speedy 300", MachineType.LASER_CUTTER, RiskLevel.HIGH, 120),
                new MachineRegistered(PARIS, LASER_2, "Epilog Fusion", MachineType.LASER_CUTTER, RiskLevel.HIGH, 120),
                new MachinePutOutOfService(PARIS, LASER_2, "lens cleaning", Instant.parse("2026-03-02T10:00:00Z"))));
    }

    @AfterEach
    void shutDown() {
        labEvents.shutDown();
    }

    private static GrantMachineCertification grantOn(CertificationScope scope) {
        return new GrantMachineCertification(MARIE, CERT, PARIS, scope, CertificationLevel.SUPERVISED, new ExpiryRule.Never(), ALICE, GRANTED);
    }

    @Test
    void canRegisterMemberInLabKnownToTheEventStore() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MARIE, PARIS, MemberTestData.REGISTERED))
                .expectEvents(MARIE_REGISTERED);
    }

    @Test
    void canGrantCertificationWhenTrainerQualified() {
        CertificationScope onLaser1 = new CertificationScope.OneMachine(LASER_1);

        fixture.given(MARIE_REGISTERED)
                .when(grantOn(onLaser1))
                .expectEvents(new MachineCertificationGranted(MARIE, CERT, PARIS, onLaser1, CertificationLevel.SUPERVISED, new ExpiryRule.Never(),
                        ALICE, GRANTED));
    }

    @Test
    void cannotCertifyOnMachineOutOfService() {
        fixture.given(MARIE_REGISTERED)
                .when(grantOn(new CertificationScope.OneMachine(LASER_2)))
                .expectException(refusedWithCode("machine-out-of-service"))
                .expectExceptionMessage("machine laser-2 of lab fablab-paris is out of service since 2026-03-02T10:00:00Z: lens cleaning");
    }
}
