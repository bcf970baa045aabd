package org.makerspace.projections.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.support.TestEvents.ADA;
import static org.makerspace.projections.support.TestEvents.BEN;
import static org.makerspace.projections.support.TestEvents.FABLAB;
import static org.makerspace.projections.support.TestEvents.LASER;
import static org.makerspace.projections.support.TestEvents.OTHER_LAB;
import static org.makerspace.projections.support.TestEvents.PRINTER;
import static org.makerspace.projections.support.TestEvents.T0;
import static org.makerspace.projections.support.TestEvents.TRAINER;
import static org.makerspace.projections.support.TestEvents.certification;
import static org.makerspace.projections.support.TestEvents.days;
import static org.makerspace.projections.support.TestEvents.laserRegistered;
import static org.makerspace.projections.support.TestEvents.printerRegistered;
import static org.makerspace.projections.support.TestEvents.registered;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachinePutOutOfService;
import org.makerspace.ledger.lab.api.MachineReturnedToService;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberCardLinked;
import org.makerspace.ledger.member.api.MemberCardUnlinked;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.MemberReinstated;
import org.makerspace.ledger.member.api.MemberSuspended;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.ObservedStorage;
import org.makerspace.projections.support.StoredDocuments;

class AccessProjectionIntegrationTest {

    private static final CertificationScope LASERS = new CertificationScope.MachineFamily(MachineType.LASER_CUTTER);
    private static final Instant NOW = days(30);

    private ObservedStorage observed;
    private LedgerStorage storage;
    private SimpleMeterRegistry meters;
    private AccessProjection access;

    @BeforeEach
    void freshStorage() {
        observed = ObservedStorage.open("access");
        storage = observed.storage();
        meters = new SimpleMeterRegistry();
        access = new AccessProjection(storage, meters);
        access.on(laserRegistered());
        access.on(printerRegistered());
        access.on(registered(ADA));
    }

    @AfterEach
    void close() {
        observed.close();
    }

    private static MachineCertificationGranted laser(String id, CertificationLevel level, ExpiryRule expiry) {
        return certification(ADA, id, LASERS, level, expiry, T0);
    }

    private static MachineCertificationGranted autonomousLaser(String id) {
        return laser(id, CertificationLevel.AUTONOMOUS, new ExpiryRule.Never());
    }

    private AccessDecision adaAtTheLaser() {
        return access.decide(LASER, AccessSubject.member(ADA), NOW);
    }

    @Test
    void grantsAccessWithValidAutonomousCertification() {
        access.on(autonomousLaser("cert-1"));

        AccessDecision decision = adaAtTheLaser();

        assertThat(decision.granted()).isTrue();
        assertThat(decision.decision()).isEqualTo("granted");
        assertThat(decision.level()).isEqualTo(CertificationLevel.AUTONOMOUS);
        assertThat(decision.memberId()).isEqualTo(ADA);
        assertThat(decision.certificationId()).isEqualTo(CertificationId.of("cert-1"));
        assertThat(decision.maxSessionMinutes()).isEqualTo(120);
    }

    @Test
    void grantsAccessThroughALinkedCard() {
        access.on(autonomousLaser("cert-1"));
        access.on(new MemberCardLinked(ADA, "card-fp-1", T0));

        AccessDecision decision = access.decide(LASER, AccessSubject.card("card-fp-1"), NOW);

        assertThat(decision.granted()).isTrue();
        assertThat(decision.memberId()).isEqualTo(ADA);
    }

    @Test
    void deniesWithUnknownMachine() {
        access.on(autonomousLaser("cert-1"));

        AccessDecision decision = access.decide(MachineId.of("laser-99"), AccessSubject.member(ADA), NOW);

        assertThat(decision.granted()).isFalse();
        assertThat(decision.reasonCode()).isEqualTo("unknown_machine");
    }

    @Test
    void deniesWithUnknownCard() {
        assertThat(access.decide(LASER, AccessSubject.card("nobody's-card"), NOW).reasonCode()).isEqualTo("unknown_card");
    }

    @Test
    void deniesWithUnknownMember() {
        assertThat(access.decide(LASER, AccessSubject.member(MemberId.of("stranger")), NOW).reasonCode())
                .isEqualTo("unknown_member");
    }

    @Test
    void deniesWithMachineOutOfServiceUntilItReturns() {
        access.on(autonomousLaser("cert-1"));
        access.on(new MachinePutOutOfService(FABLAB, LASER, "mirror cleaning", days(29)));

        assertThat(adaAtTheLaser().reasonCode()).isEqualTo("machine_out_of_service");

        access.on(new MachineReturnedToService(FABLAB, LASER, days(30)));
        assertThat(adaAtTheLaser().granted()).isTrue();
    }

    @Test
    void anotherLabsMachineOfTheSameIdCannotReturnThisOneToService() {
        access.on(autonomousLaser("cert-1"));
        access.on(new MachinePutOutOfService(FABLAB, LASER, "fire in the extraction duct", days(29)));
        LabId otherLab = LabId.of("other-lab");

        access.on(new MachineReturnedToService(otherLab, LASER, days(30)));

        assertThat(adaAtTheLaser().reasonCode()).isEqualTo("machine_out_of_service");
    }

    @Test
    void deniesWithMemberSuspendedUntilReinstated() {
        access.on(autonomousLaser("cert-1"));
        access.on(new MemberSuspended(ADA, "unpaid fees", days(1)));

        assertThat(adaAtTheLaser().reasonCode()).isEqualTo("member_suspended");

        access.on(new MemberReinstated(ADA, days(2)));
        assertThat(adaAtTheLaser().granted()).isTrue();
    }

    @Test
    void deniesWithNoCertificationForAnotherMachineType() {
        access.on(autonomousLaser("cert-1"));

        assertThat(access.decide(PRINTER, AccessSubject.member(ADA), NOW).reasonCode()).isEqualTo("no_certification");
    }

    @Test
    void deniesWithNoCertificationWhenGrantedByAnotherLab() {
        access.on(new MachineCertificationGranted(ADA, CertificationId.of("cert-1"), OTHER_LAB, LASERS,
                                                  CertificationLevel.TRAINER, new ExpiryRule.Never(), TRAINER, T0));

        assertThat(adaAtTheLaser().reasonCode()).isEqualTo("no_certification");
    }

    @Test
    void oneMachineScopeCoversThatMachineOnly() {
        access.on(certification(ADA, "cert-1", new CertificationScope.OneMachine(PRINTER), CertificationLevel.AUTONOMOUS,
                                new ExpiryRule.Never(), T0));

        assertThat(access.decide(PRINTER, AccessSubject.member(ADA), NOW).granted()).isTrue();
        assertThat(adaAtTheLaser().reasonCode()).isEqualTo("no_certification");
    }

    @Test
    void deniesWithExpiredCertification() {
        access.on(laser("cert-1", CertificationLevel.AUTONOMOUS, new ExpiryRule.OnDate(NOW)));

        AccessDecision decision = adaAtTheLaser();

        assertThat(decision.reasonCode()).isEqualTo("expired");
        assertThat(decision.validUntil()).isEqualTo(NOW);
    }

    @Test
    void deniesWithSuspendedCertificationUntilReinstated() {
        access.on(autonomousLaser("cert-1"));
        access.on(new MachineCertificationSuspended(ADA, CertificationId.of("cert-1"), "incident", days(1)));

        assertThat(adaAtTheLaser().reasonCode()).isEqualTo("suspended");

        access.on(new MachineCertificationReinstated(ADA, CertificationId.of("cert-1"), days(2)));
        assertThat(adaAtTheLaser().granted()).isTrue();
    }

    @Test
    void deniesWithRevokedCertification() {
        access.on(autonomousLaser("cert-1"));
        access.on(new MachineCertificationRevoked(ADA, CertificationId.of("cert-1"), "unsafe", days(1)));

        assertThat(adaAtTheLaser().reasonCode()).isEqualTo("revoked");
    }

    @Test
    void deniesWithSupervisionRequiredForSupervisedLevel() {
        access.on(laser("cert-1", CertificationLevel.SUPERVISED, new ExpiryRule.Never()));

        AccessDecision decision = adaAtTheLaser();

        assertThat(decision.reasonCode()).isEqualTo("supervision_required");
        assertThat(decision.level()).isEqualTo(CertificationLevel.SUPERVISED);
    }

    @Test
    void validCertificationBeatsRevokedExpiredAndSuspendedOnes() {
        access.on(autonomousLaser("cert-revoked"));
        access.on(new MachineCertificationRevoked(ADA, CertificationId.of("cert-revoked"), "unsafe", days(1)));
        access.on(laser("cert-expired", CertificationLevel.TRAINER, new ExpiryRule.OnDate(days(10))));
        access.on(autonomousLaser("cert-suspended"));
        access.on(new MachineCertificationSuspended(ADA, CertificationId.of("cert-suspended"), "incident", days(1)));
        access.on(laser("cert-valid", CertificationLevel.AUTONOMOUS, new ExpiryRule.Never()));

        assertThat(adaAtTheLaser().certificationId()).isEqualTo(CertificationId.of("cert-valid"));
    }

    @Test
    void suspendedBeatsExpiredBeatsRevokedWhenNoneIsValid() {
        access.on(autonomousLaser("cert-revoked"));
        access.on(new MachineCertificationRevoked(ADA, CertificationId.of("cert-revoked"), "unsafe", days(1)));
        access.on(laser("cert-expired", CertificationLevel.TRAINER, new ExpiryRule.OnDate(days(10))));
        assertThat(adaAtTheLaser().reasonCode()).isEqualTo("expired");

        access.on(autonomousLaser("cert-suspended"));
        access.on(new MachineCertificationSuspended(ADA, CertificationId.of("cert-suspended"), "incident", days(1)));
        assertThat(adaAtTheLaser().reasonCode()).isEqualTo("suspended");
    }

    @Test
    void highestLevelDecidesAmongValidCertifications() {
        access.on(laser("cert-supervised", CertificationLevel.SUPERVISED, new ExpiryRule.Never()));
        access.on(laser("cert-trainer", CertificationLevel.TRAINER, new ExpiryRule.Never()));
        access.on(laser("cert-autonomous", CertificationLevel.AUTONOMOUS, new ExpiryRule.Never()));

        AccessDecision decision = adaAtTheLaser();

        assertThat(decision.level()).isEqualTo(CertificationLevel.TRAINER);
        assertThat(decision.certificationId()).isEqualTo(CertificationId.of("cert-trainer"));
    }

    @Test
    void sessionIsShortenedToTheWholeMinutesLeftBeforeExpiry() {
        access.on(laser("cert-1", CertificationLevel.AUTONOMOUS,
                        new ExpiryRule.OnDate(NOW.plus(Duration.ofMinutes(45)).plusSeconds(59))));

        assertThat(adaAtTheLaser().maxSessionMinutes()).isEqualTo(45);
    }

    @Test
    void sessionIsCappedByTheMachineLimitWhenExpiryIsFar() {
        access.on(laser("cert-1", CertificationLevel.AUTONOMOUS, new ExpiryRule.OnDate(NOW.plus(Duration.ofDays(3)))));

        assertThat(adaAtTheLaser().maxSessionMinutes()).isEqualTo(120);
    }

    @Test
    void unlinkedCardIsUnknown() {
        access.on(autonomousLaser("cert-1"));
        access.on(new MemberCardLinked(ADA, "card-fp-1", T0));
        access.on(new MemberCardUnlinked(ADA, "card-fp-1", "lost", days(1)));

        assertThat(access.decide(LASER, AccessSubject.card("card-fp-1"), NOW).reasonCode()).isEqualTo("unknown_card");
    }

    @Test
    void relinkedCardIdentifiesItsNewHolderOnly() {
        access.on(autonomousLaser("cert-1"));
        access.on(registered(BEN));
        access.on(new MemberCardLinked(ADA, "card-fp-1", T0));
        access.on(new MemberCardLinked(BEN, "card-fp-1", days(1)));

        assertThat(access.decide(LASER, AccessSubject.card("card-fp-1"), NOW).memberId()).isEqualTo(BEN);

        access.on(new MemberCardUnlinked(ADA, "card-fp-1", "stale", days(2)));
        assertThat(access.decide(LASER, AccessSubject.card("card-fp-1"), NOW).memberId()).isEqualTo(BEN);
    }

    @Test
    void countsDecisionsByOutcomeAndReason() {
        access.on(autonomousLaser("cert-1"));

        adaAtTheLaser();
        adaAtTheLaser();
        access.decide(PRINTER, AccessSubject.member(ADA), NOW);

        assertThat(meters.get(AccessProjection.DECISIONS_METRIC).tags("decision", "granted", "reason", "none")
                           .counter().count()).isEqualTo(2.0);
        assertThat(meters.get(AccessProjection.DECISIONS_METRIC).tags("decision", "denied", "reason", "no_certification")
                           .counter().count()).isEqualTo(1.0);
    }

    @Test
    void decidesWithoutTouchingTheDatabase() {
        access.on(autonomousLaser("cert-1"));
        access.on(new MemberCardLinked(ADA, "card-fp-1", T0));
        observed.reset();

        adaAtTheLaser();
        access.decide(LASER, AccessSubject.card("card-fp-1"), NOW);
        access.find(new FindMachineAccessList(LASER, NOW));

        assertThat(observed.commands()).isEmpty();
    }

    @Test
    void restartLoadsTheSameStateWithoutReplay() {
        access.on(autonomousLaser("cert-1"));
        access.on(new MemberCardLinked(ADA, "card-fp-1", T0));
        access.on(new MachinePutOutOfService(FABLAB, PRINTER, "nozzle", days(1)));
        access.on(registered(BEN));
        access.on(new MemberSuspended(BEN, "unpaid", days(1)));

        AccessProjection restarted = new AccessProjection(storage, new SimpleMeterRegistry());

        for (MachineId machine : List.of(LASER, PRINTER)) {
            for (AccessSubject subject : List.of(AccessSubject.member(ADA), AccessSubject.member(BEN),
                                                 AccessSubject.card("card-fp-1"))) {
                assertThat(restarted.decide(machine, subject, NOW)).usingRecursiveComparison().ignoringFields("sessionId")
                        .isEqualTo(access.decide(machine, subject, NOW));
            }
        }
        assertThat(restarted.find(new FindMachineAccessList(LASER, NOW)))
                .isEqualTo(access.find(new FindMachineAccessList(LASER, NOW)));
    }

    @Test
    void applyingAnEventTwiceLeavesTheSameState() {
        List<Object> events = List.of(
                autonomousLaser("cert-1"),
                new MachineCertificationSuspended(ADA, CertificationId.of("cert-1"), "incident", days(1)),
                new MemberCardLinked(ADA, "card-fp-1", T0),
                new MachinePutOutOfService(FABLAB, PRINTER, "nozzle", days(1)),
                new MemberSuspended(ADA, "unpaid", days(1)));
        events.forEach(this::apply);
        Map<String, List<Document>> once = StoredDocuments.readModels(storage.database());
        AccessDecision decisionOnce = access.decide(LASER, AccessSubject.card("card-fp-1"), NOW);

        events.forEach(this::apply);
        access.on(laserRegistered());
        access.on(registered(ADA));

        assertThat(StoredDocuments.readModels(storage.database())).isEqualTo(once);
        assertThat(access.decide(LASER, AccessSubject.card("card-fp-1"), NOW)).usingRecursiveComparison()
                .ignoringFields("sessionId").isEqualTo(decisionOnce);
    }

    private void apply(Object event) {
        if (event instanceof MachineCertificationGranted granted) {
            access.on(granted);
        } else if (event instanceof MachineCertificationSuspended suspended) {
            access.on(suspended);
        } else if (event instanceof MemberCardLinked linked) {
            access.on(linked);
        } else if (event instanceof MachinePutOutOfService outOfService) {
            access.on(outOfService);
        } else if (event instanceof MemberSuspended suspended) {
            access.on(suspended);
        } else {
            throw new IllegalArgumentException(event.toString());
        }
    }

    @Test
    void accessListNamesWhoMayUseTheMachineWithLevelAndEnd() {
        access.on(laser("cert-1", CertificationLevel.AUTONOMOUS, new ExpiryRule.OnDate(days(60))));
        access.on(registered(BEN));
        access.on(certification(BEN, "cert-2", LASERS, CertificationLevel.SUPERVISED, new ExpiryRule.Never(), T0));
        access.on(registered(MemberId.of("member-cy")));
        access.on(certification(MemberId.of("member-cy"), "cert-3", LASERS, CertificationLevel.TRAINER,
                                new ExpiryRule.OnDate(days(10)), T0));

        MachineAccessList list = access.find(new FindMachineAccessList(LASER, NOW));

        assertThat(list.inService()).isTrue();
        assertThat(list.entries()).containsExactly(
                new MachineAccessList.Entry(ADA, CertificationLevel.AUTONOMOUS, days(60)),
                new MachineAccessList.Entry(BEN, CertificationLevel.SUPERVISED, null));
    }

    @Test
    void accessListLeavesOutSuspendedMembers() {
        access.on(autonomousLaser("cert-1"));
        access.on(new MemberSuspended(ADA, "unpaid", days(1)));

        assertThat(access.find(new FindMachineAccessList(LASER, NOW)).entries()).isEmpty();
    }

    @Test
    void accessListIsEmptyWhileTheMachineIsOutOfService() {
        access.on(autonomousLaser("cert-1"));
        access.on(new MachinePutOutOfService(FABLAB, LASER, "mirror", days(1)));

        MachineAccessList list = access.find(new FindMachineAccessList(LASER, NOW));

        assertThat(list.inService()).isFalse();
        assertThat(list.entries()).isEmpty();
    }

    @Test
    void decidesFromConsistentRowsWhileEventsArrive() throws Exception {
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<Set<String>> reasonsSeen = reader.submit(() -> {
                Set<String> reasons = new HashSet<>();
                for (int i = 0; i < 20_000; i++) {
                    reasons.add(adaAtTheLaser().reasonCode());
                }
                return reasons;
            });
            for (int i = 0; i < 50; i++) {
                access.on(autonomousLaser("cert-" + i));
                access.on(new MachineCertificationSuspended(ADA, CertificationId.of("cert-" + i), "incident", days(1)));
            }

            assertThat(reasonsSeen.get()).isSubsetOf("no_certification", "none", "suspended");
            assertThat(adaAtTheLaser().reasonCode()).isEqualTo("suspended");
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void resetForgetsEverythingOnceTheReplayEnds() {
        access.on(autonomousLaser("cert-1"));

        access.reset();
        boolean grantedUntilTheReplayEnds = adaAtTheLaser().granted();
        access.replayFinished();

        assertThat(grantedUntilTheReplayEnds).isTrue();
        assertThat(adaAtTheLaser().reasonCode()).isEqualTo("unknown_machine");
        assertThat(new AccessProjection(storage, meters).decide(LASER, AccessSubject.member(ADA), NOW).reasonCode())
                .isEqualTo("unknown_machine");
    }

    /**
     * A rebuild: the rows are dropped and the ledger replayed. Meanwhile the machine keeps the live answer (Ada's
     * certification, revoked in the replay's history, still lets her in until the replay ends), listeners hear
     * nothing of the replayed history, and at the end they are told once that every machine changed.
     */
    @Test
    void aReplayBuildsAsideAndTellsListenersOnceAtTheEnd() {
        access.on(autonomousLaser("cert-1"));
        List<AccessModel.Changes> told = new ArrayList<>();
        access.addListener(told::add);

        access.reset();
        access.replaying(true);
        access.on(laserRegistered());
        access.on(printerRegistered());
        access.on(registered(ADA));
        access.on(autonomousLaser("cert-1"));
        access.on(new MachineCertificationRevoked(ADA, CertificationId.of("cert-1"), "unsafe", days(2)));
        boolean grantedDuringTheReplay = adaAtTheLaser().granted();
        access.replaying(false);

        assertThat(grantedDuringTheReplay).as("the live answer during the replay").isTrue();
        assertThat(adaAtTheLaser().reason()).isEqualTo(DenialReason.REVOKED);
        assertThat(told).singleElement().satisfies(changes ->
                assertThat(changes.machines()).extracting(MachineState::machineId).containsExactlyInAnyOrder(LASER, PRINTER));
    }

    @Test
    void aReplayInterruptedByARestartCarriesOnFromWhatItStored() {
        access.reset();
        access.replaying(true);
        access.on(laserRegistered());
        access.on(registered(ADA));

        AccessProjection restarted = new AccessProjection(storage, meters);
        restarted.replaying(true);
        restarted.on(autonomousLaser("cert-1"));
        restarted.replayFinished();

        assertThat(restarted.decide(LASER, AccessSubject.member(ADA), NOW).granted()).isTrue();
    }
}
