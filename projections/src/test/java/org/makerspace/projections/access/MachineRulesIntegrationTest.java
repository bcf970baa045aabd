package org.makerspace.projections.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.support.TestEvents.ADA;
import static org.makerspace.projections.support.TestEvents.BEN;
import static org.makerspace.projections.support.TestEvents.FABLAB;
import static org.makerspace.projections.support.TestEvents.LASER;
import static org.makerspace.projections.support.TestEvents.OTHER_LAB;
import static org.makerspace.projections.support.TestEvents.PRINTER;
import static org.makerspace.projections.support.TestEvents.T0;
import static org.makerspace.projections.support.TestEvents.certification;
import static org.makerspace.projections.support.TestEvents.laserRegistered;
import static org.makerspace.projections.support.TestEvents.printerRegistered;
import static org.makerspace.projections.support.TestEvents.registered;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.OpeningHours;
import org.makerspace.ledger.lab.api.OpeningHours.OpenPeriod;
import org.makerspace.ledger.lab.api.OpeningHoursSet;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MemberCardLinked;
import org.makerspace.ledger.member.api.MemberCardUnlinked;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.ledger.session.api.SessionId;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.ObservedStorage;

/** Opening hours, supervision by a trainer's tap, sessions and "expires after N months without use". */
class MachineRulesIntegrationTest {

    private static final CertificationScope LASERS = new CertificationScope.MachineFamily(MachineType.LASER_CUTTER);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Mondays 10:00-18:00 in Paris; 2026-03-02 is a Monday (UTC+1). */
    private static final OpeningHours MONDAYS = new OpeningHours(PARIS, List.of(
            new OpenPeriod(DayOfWeek.MONDAY, LocalTime.of(10, 0), LocalTime.of(18, 0))));
    private static final Instant MONDAY_NOON = Instant.parse("2026-03-02T11:00:00Z");
    private static final Instant MONDAY_EVENING = Instant.parse("2026-03-02T18:00:00Z");
    private static final MemberId TRAINER_TOM = MemberId.of("member-tom");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private ObservedStorage observed;
    private LedgerStorage storage;
    private AccessProjection access;

    @BeforeEach
    void freshStorage() {
        observed = ObservedStorage.open("machine-rules");
        storage = observed.storage();
        access = new AccessProjection(storage, new SimpleMeterRegistry(), WINDOW);
        access.on(laserRegistered());
        access.on(printerRegistered());
        access.on(registered(ADA));
        access.on(certification(ADA, "cert-ada", LASERS, CertificationLevel.AUTONOMOUS, new ExpiryRule.Never(), T0));
    }

    @AfterEach
    void close() {
        observed.close();
    }

    private AccessDecision at(MemberId member, Instant now) {
        return access.decide(LASER, AccessSubject.member(member), now);
    }

    // ---------------------------------------------------------------- opening hours

    @Test
    void deniesOutsideTheLabsOpeningHours() {
        access.on(new OpeningHoursSet(FABLAB, null, MONDAYS));

        assertThat(at(ADA, MONDAY_NOON).granted()).isTrue();
        assertThat(at(ADA, MONDAY_EVENING).reason()).isEqualTo(DenialReason.OUTSIDE_OPENING_HOURS);
    }

    @Test
    void aMachinesOwnHoursOverrideItsLabsAndClearingThemFollowsTheLabAgain() {
        access.on(new OpeningHoursSet(FABLAB, null, MONDAYS));
        OpeningHours evenings = new OpeningHours(PARIS, List.of(
                new OpenPeriod(DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(22, 0))));

        access.on(new OpeningHoursSet(FABLAB, LASER, evenings));

        assertThat(at(ADA, MONDAY_EVENING).granted()).isTrue();
        assertThat(at(ADA, MONDAY_NOON).reason()).isEqualTo(DenialReason.OUTSIDE_OPENING_HOURS);

        access.on(new OpeningHoursSet(FABLAB, LASER, null));

        assertThat(at(ADA, MONDAY_NOON).granted()).isTrue();
    }

    @Test
    void anotherLabsHoursDoNotCloseThisLabsMachines() {
        access.on(new OpeningHoursSet(OTHER_LAB, null, MONDAYS));

        assertThat(at(ADA, MONDAY_EVENING).granted()).isTrue();
    }

    @Test
    void aSessionEndsAtClosingTime() {
        access.on(new OpeningHoursSet(FABLAB, null, MONDAYS));

        AccessDecision decision = at(ADA, Instant.parse("2026-03-02T16:30:00Z"));

        assertThat(decision.maxSessionMinutes()).isEqualTo(30);
    }

    @Test
    void openingHoursSurviveARestart() {
        access.on(new OpeningHoursSet(FABLAB, null, MONDAYS));

        AccessProjection restarted = new AccessProjection(storage, new SimpleMeterRegistry(), WINDOW);

        assertThat(restarted.decide(LASER, AccessSubject.member(ADA), MONDAY_EVENING).reason())
                .isEqualTo(DenialReason.OUTSIDE_OPENING_HOURS);
    }

    // ---------------------------------------------------------------- supervision

    private void supervisedBenAndTrainerTom() {
        access.on(registered(BEN));
        access.on(certification(BEN, "cert-ben", LASERS, CertificationLevel.SUPERVISED, new ExpiryRule.Never(), T0));
        access.on(registered(TRAINER_TOM));
        access.on(certification(TRAINER_TOM, "cert-tom", LASERS, CertificationLevel.TRAINER, new ExpiryRule.Never(), T0));
    }

    @Test
    void aSupervisedMemberIsLetInWithinTheWindowAfterATrainersTap() {
        supervisedBenAndTrainerTom();
        assertThat(at(BEN, MONDAY_NOON).reason()).isEqualTo(DenialReason.SUPERVISION_REQUIRED);

        assertThat(at(TRAINER_TOM, MONDAY_NOON).granted()).isTrue();

        AccessDecision supervised = at(BEN, MONDAY_NOON.plus(WINDOW).minusSeconds(1));
        assertThat(supervised.granted()).isTrue();
        assertThat(supervised.level()).isEqualTo(CertificationLevel.SUPERVISED);
        assertThat(at(BEN, MONDAY_NOON.plus(WINDOW)).reason()).isEqualTo(DenialReason.SUPERVISION_REQUIRED);
    }

    @Test
    void aTrainersTapSupervisesThatMachineOnly() {
        supervisedBenAndTrainerTom();
        access.on(certification(BEN, "cert-ben-printer", new CertificationScope.OneMachine(PRINTER),
                                CertificationLevel.SUPERVISED, new ExpiryRule.Never(), T0));
        access.on(certification(TRAINER_TOM, "cert-tom-printer", new CertificationScope.OneMachine(PRINTER),
                                CertificationLevel.TRAINER, new ExpiryRule.Never(), T0));

        access.decide(PRINTER, AccessSubject.member(TRAINER_TOM), MONDAY_NOON);

        assertThat(at(BEN, MONDAY_NOON.plusSeconds(60)).reason()).isEqualTo(DenialReason.SUPERVISION_REQUIRED);
    }

    @Test
    void anAutonomousMembersTapSupervisesNobody() {
        supervisedBenAndTrainerTom();

        assertThat(at(ADA, MONDAY_NOON).granted()).isTrue();

        assertThat(at(BEN, MONDAY_NOON.plusSeconds(60)).reason()).isEqualTo(DenialReason.SUPERVISION_REQUIRED);
    }

    @Test
    void aDeniedTrainerSupervisesNobody() {
        supervisedBenAndTrainerTom();
        access.on(new OpeningHoursSet(FABLAB, null, MONDAYS));

        assertThat(at(TRAINER_TOM, MONDAY_EVENING).granted()).isFalse();

        access.on(new OpeningHoursSet(FABLAB, null, null));
        assertThat(at(BEN, MONDAY_EVENING.plusSeconds(60)).reason()).isEqualTo(DenialReason.SUPERVISION_REQUIRED);
    }

    // ---------------------------------------------------------------- sessions

    @Test
    void everyGrantCarriesADistinctSessionId() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(at(ADA, MONDAY_NOON).sessionId());
        }

        assertThat(ids).hasSize(1000).doesNotContainNull();
        assertThat(at(BEN, MONDAY_NOON).sessionId()).isNull();
    }

    @Test
    void aSessionKeepsACertificationThatExpiresAfterMonthsWithoutUseAlive() {
        access.on(registered(BEN));
        access.on(certification(BEN, "cert-ben", LASERS, CertificationLevel.AUTONOMOUS, new ExpiryRule.AfterInactivity(6),
                                T0));
        Instant sixMonthsAfterGrant = Instant.parse("2026-07-05T09:30:00.123456789Z");
        assertThat(at(BEN, sixMonthsAfterGrant).reason()).isEqualTo(DenialReason.EXPIRED);

        access.on(new MachineSessionStarted(SessionId.of("s-1"), FABLAB, LASER, BEN, Instant.parse("2026-05-01T10:00:00Z"),
                                            false));

        AccessDecision decision = at(BEN, sixMonthsAfterGrant);
        assertThat(decision.granted()).isTrue();
        assertThat(decision.validUntil()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
    }

    @Test
    void aSessionReportedAfterExpiryDoesNotBringTheCertificationBack() {
        access.on(registered(BEN));
        access.on(certification(BEN, "cert-ben", LASERS, CertificationLevel.AUTONOMOUS, new ExpiryRule.AfterInactivity(1),
                                T0));

        access.on(new MachineSessionStarted(SessionId.of("s-1"), FABLAB, LASER, BEN, Instant.parse("2026-03-01T10:00:00Z"),
                                            true));

        assertThat(at(BEN, Instant.parse("2026-03-02T10:00:00Z")).reason()).isEqualTo(DenialReason.EXPIRED);
    }

    @Test
    void aSessionOnAMachineTheCertificationDoesNotCoverKeepsNothingAlive() {
        access.on(registered(BEN));
        access.on(certification(BEN, "cert-ben", LASERS, CertificationLevel.AUTONOMOUS, new ExpiryRule.AfterInactivity(6),
                                T0));

        access.on(new MachineSessionStarted(SessionId.of("s-1"), FABLAB, PRINTER, BEN, Instant.parse("2026-05-01T10:00:00Z"),
                                            false));

        assertThat(at(BEN, Instant.parse("2026-07-05T10:00:00Z")).reason()).isEqualTo(DenialReason.EXPIRED);
    }

    // ---------------------------------------------------------------- who held a card when

    @Test
    void aCardIsCreditedToWhoeverHeldItAtTheTime() {
        access.on(registered(BEN));
        access.on(new MemberCardLinked(ADA, "card-1", MONDAY_NOON));
        access.on(new MemberCardUnlinked(ADA, "card-1", "lost", MONDAY_NOON.plusSeconds(3600)));
        access.on(new MemberCardLinked(BEN, "card-1", MONDAY_NOON.plusSeconds(7200)));

        AccessModel model = access.model();

        assertThat(model.holderAt("card-1", MONDAY_NOON.plusSeconds(60))).contains(ADA);
        assertThat(model.holderAt("card-1", MONDAY_NOON.plusSeconds(5000))).isEmpty();
        assertThat(model.holderAt("card-1", MONDAY_NOON.plusSeconds(7200))).contains(BEN);
        assertThat(new AccessProjection(storage, new SimpleMeterRegistry(), WINDOW).model()
                           .holderAt("card-1", MONDAY_NOON.plusSeconds(60))).contains(ADA);
    }

    @Test
    void aCardGivenToAnotherMemberEndsTheFormerHoldersSpan() {
        access.on(registered(BEN));
        access.on(new MemberCardLinked(ADA, "card-1", MONDAY_NOON));

        access.on(new MemberCardLinked(BEN, "card-1", MONDAY_NOON.plusSeconds(600)));

        assertThat(access.model().holderAt("card-1", MONDAY_NOON.plusSeconds(599))).contains(ADA);
        assertThat(access.model().holderAt("card-1", MONDAY_NOON.plusSeconds(600))).contains(BEN);
    }

    @Test
    void lessThanAMinuteBeforeClosingTimeNoSessionStarts() {
        access.on(new OpeningHoursSet(FABLAB, null, MONDAYS));

        AccessDecision decision = at(ADA, MONDAY_EVENING.minusSeconds(30));

        assertThat(decision.granted()).isFalse();
        assertThat(decision.reason()).isEqualTo(DenialReason.OUTSIDE_OPENING_HOURS);
    }

    @Test
    void aCardUnlinkedFromItsHolderNoLongerOpensEvenIfAnIndexLags() {
        access.on(new MemberCardLinked(ADA, "card-1", MONDAY_NOON));
        access.on(new MemberCardUnlinked(ADA, "card-1", "lost", MONDAY_NOON.plusSeconds(60)));

        assertThat(access.decide(LASER, AccessSubject.card("card-1"), MONDAY_NOON.plusSeconds(120)).reason())
                .isEqualTo(DenialReason.UNKNOWN_CARD);
    }
}
