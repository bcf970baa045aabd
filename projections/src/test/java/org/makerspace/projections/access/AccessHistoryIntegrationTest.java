package org.makerspace.projections.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.support.TestEvents.ADA;
import static org.makerspace.projections.support.TestEvents.BEN;
import static org.makerspace.projections.support.TestEvents.FABLAB;
import static org.makerspace.projections.support.TestEvents.LASER;
import static org.makerspace.projections.support.TestEvents.PRINTER;
import static org.makerspace.projections.support.TestEvents.T0;
import static org.makerspace.projections.support.TestEvents.laserCertification;
import static org.makerspace.projections.support.TestEvents.laserRegistered;
import static org.makerspace.projections.support.TestEvents.registered;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.eventstore.MongoEventStorageEngine;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.RiskLevel;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.MemberRegistered;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.testing.TestMongo;

/**
 * "Who could use the laser at T" from the ledger as it was at T: a history recorded at known times (Ada granted,
 * revoked, granted again; Ben granted) read back through the event storage engine at moments in between.
 */
class AccessHistoryIntegrationTest {

    private static final Instant RECORDED_START = Instant.parse("2026-02-01T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final LedgerStorage storage = TestMongo.server().freshStorage("access-history");
    private final Map<String, Long> sequences = new HashMap<>();
    private MongoEventStorageEngine engine;
    private AccessHistory history;

    @BeforeEach
    void engine() {
        engine = MongoEventStorageEngine.builder().database(storage.database()).durability(storage.durability()).build();
        engine.ensureSchema();
        history = new AccessHistory(engine, WINDOW);
    }

    /** Appends the event as recorded {@code minutes} after the start. */
    private void recordedAt(int minutes, String aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        engine.appendEvents(List.of(new GenericDomainEventMessage<>(
                "Aggregate", aggregateId, sequence, payload, Map.of(), UUID.randomUUID().toString(),
                minute(minutes))));
    }

    private static Instant minute(int minutes) {
        return RECORDED_START.plus(Duration.ofMinutes(minutes));
    }

    private List<MemberId> onTheLaserAt(Instant at) {
        return history.accessList(LASER, at).entries().stream().map(MachineAccessList.Entry::memberId).toList();
    }

    private void adaGrantedRevokedAndGrantedAgain() {
        recordedAt(0, "fablab-north", laserRegistered());
        recordedAt(1, ADA.value(), registered(ADA));
        recordedAt(2, ADA.value(), laserCertification(ADA, "cert-ada-1", T0));
        recordedAt(3, BEN.value(), registered(BEN));
        recordedAt(4, BEN.value(), laserCertification(BEN, "cert-ben", T0));
        recordedAt(10, ADA.value(), new MachineCertificationRevoked(ADA, CertificationId.of("cert-ada-1"),
                                                                    "cut a mirror", T0.plusSeconds(600)));
        recordedAt(20, ADA.value(), laserCertification(ADA, "cert-ada-2", T0.plusSeconds(1200)));
    }

    /**
     * A lab adopting the ledger records, today, its laser (in service for a year) and what happened on it last
     * month, with the dates it happened: who could use the laser on each past day follows those dates, not the
     * moment they were typed in.
     */
    @Test
    void theListOnAPastDayFollowsWhatHadHappenedByThenWheneverItWasRecorded() {
        Instant lastMonth = minute(0).minus(Duration.ofDays(30));
        recordedAt(0, "fablab-north", new MachineRegistered(FABLAB, LASER, "Laser cutter", MachineType.LASER_CUTTER,
                                                            RiskLevel.HIGH, 120, lastMonth.minus(Duration.ofDays(365))));
        recordedAt(1, ADA.value(), new MemberRegistered(ADA, FABLAB, lastMonth));
        recordedAt(1, BEN.value(), new MemberRegistered(BEN, FABLAB, lastMonth));
        recordedAt(2, ADA.value(), laserCertification(ADA, "cert-ada-1", lastMonth));
        recordedAt(3, BEN.value(), laserCertification(BEN, "cert-ben", lastMonth.plus(Duration.ofDays(5))));
        recordedAt(4, ADA.value(), new MachineCertificationRevoked(ADA, CertificationId.of("cert-ada-1"), "cut a mirror",
                                                                   lastMonth.plus(Duration.ofDays(10))));
        recordedAt(5, ADA.value(), laserCertification(ADA, "cert-ada-2", lastMonth.plus(Duration.ofDays(20))));

        assertThat(onTheLaserAt(lastMonth.minusSeconds(1))).isEmpty();
        assertThat(onTheLaserAt(lastMonth.plus(Duration.ofDays(1)))).containsExactly(ADA);
        assertThat(onTheLaserAt(lastMonth.plus(Duration.ofDays(6)))).containsExactly(ADA, BEN);
        assertThat(onTheLaserAt(lastMonth.plus(Duration.ofDays(15)))).containsExactly(BEN);
        assertThat(onTheLaserAt(lastMonth.plus(Duration.ofDays(25)))).containsExactly(ADA, BEN);
        assertThat(history.accessList(LASER, lastMonth.minus(Duration.ofDays(366)))).as("before it entered service")
                .isNull();
    }

    @Test
    void theDecisionAtAMomentSaysWhyByTheLedgerOfThen() {
        adaGrantedRevokedAndGrantedAgain();

        AccessDecision whileRevoked = history.decision(LASER, ADA, minute(15));
        AccessDecision afterwards = history.decision(LASER, ADA, minute(25));

        assertThat(whileRevoked.reason()).isEqualTo(DenialReason.REVOKED);
        assertThat(whileRevoked.certificationId()).isEqualTo(CertificationId.of("cert-ada-1"));
        assertThat(afterwards.granted()).isTrue();
        assertThat(afterwards.sessionId()).isNull();
        assertThat(afterwards.certificationId()).isEqualTo(CertificationId.of("cert-ada-2"));
    }

    @Test
    void aMachineRegisteredWithoutADateEnteredServiceWhenRecordedAndAnUnknownOneHasNoList() {
        adaGrantedRevokedAndGrantedAgain();

        assertThat(history.accessList(LASER, minute(-1))).isNull();
        assertThat(history.accessList(LASER, minute(1))).isNotNull();
        assertThat(history.accessList(PRINTER, minute(25))).isNull();
    }

    @Test
    void anEventRecordedJustBeforeTheMomentCountsEvenIfItsCommitLandedAfterALaterOne() {
        recordedAt(0, "fablab-north", laserRegistered());
        recordedAt(1, ADA.value(), registered(ADA));
        // Committed in this order, recorded in the other: the revocation's command took longer.
        engine.appendEvents(List.of(new GenericDomainEventMessage<>(
                "Aggregate", BEN.value(), 0, registered(BEN), Map.of(), UUID.randomUUID().toString(),
                minute(3).plusSeconds(1))));
        engine.appendEvents(List.of(new GenericDomainEventMessage<>(
                "Aggregate", ADA.value(), 1, laserCertification(ADA, "cert-ada-1", T0), Map.of(),
                UUID.randomUUID().toString(), minute(3).minusSeconds(1))));

        assertThat(history.decision(LASER, ADA, minute(3)).granted()).isTrue();
    }
}
