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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.lab.api.MachineRequirementChanged;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.ledger.session.api.SessionId;
import org.makerspace.projections.support.ObservedStorage;

/**
 * A machine's requirement (minimum level, months without use) in decisions, access lists and the preview of a change:
 * Ada is AUTONOMOUS, Ben SUPERVISED, Tom a TRAINER on the lasers, all granted at T0 and never expiring by themselves.
 */
class MachineRequirementIntegrationTest {

    private static final CertificationScope LASERS = new CertificationScope.MachineFamily(MachineType.LASER_CUTTER);
    private static final MemberId TOM = MemberId.of("member-tom");
    private static final Instant SOON = T0.plus(Duration.ofDays(10));
    /** Seven months after T0: past a six-month use limit counted from the grants. */
    private static final Instant SEVEN_MONTHS_ON = Instant.parse("2026-08-05T09:30:00Z");

    private ObservedStorage observed;
    private AccessProjection access;

    @BeforeEach
    void adaBenAndTom() {
        observed = ObservedStorage.open("machine-requirement");
        access = new AccessProjection(observed.storage(), new SimpleMeterRegistry());
        access.on(laserRegistered());
        access.on(printerRegistered());
        certified(ADA, CertificationLevel.AUTONOMOUS);
        certified(BEN, CertificationLevel.SUPERVISED);
        certified(TOM, CertificationLevel.TRAINER);
    }

    @AfterEach
    void close() {
        observed.close();
    }

    private void certified(MemberId member, CertificationLevel level) {
        access.on(registered(member));
        access.on(certification(member, "cert-" + member, LASERS, level, new ExpiryRule.Never(), T0));
    }

    private void requireOnTheLaser(CertificationLevel level, Integer months) {
        access.on(new MachineRequirementChanged(FABLAB, LASER, level, months));
    }

    private AccessDecision onTheLaser(MemberId member, Instant at) {
        return access.decide(LASER, AccessSubject.member(member), at);
    }

    @Test
    void aSupervisedMemberIsRefusedWhereAutonomousIsRequiredEvenWithATrainerPresent() {
        requireOnTheLaser(CertificationLevel.AUTONOMOUS, null);

        assertThat(onTheLaser(TOM, SOON).granted()).isTrue();
        AccessDecision ben = onTheLaser(BEN, SOON.plusSeconds(60));

        assertThat(ben.reason()).isEqualTo(DenialReason.LEVEL_TOO_LOW);
        assertThat(ben.level()).isEqualTo(CertificationLevel.SUPERVISED);
        assertThat(onTheLaser(ADA, SOON).granted()).isTrue();
    }

    @Test
    void aTrainerLevelRequirementLetsOnlyTrainersIn() {
        requireOnTheLaser(CertificationLevel.TRAINER, null);

        assertThat(onTheLaser(ADA, SOON).reason()).isEqualTo(DenialReason.LEVEL_TOO_LOW);
        assertThat(onTheLaser(TOM, SOON).granted()).isTrue();
    }

    @Test
    void aCertificationNotUsedWithinTheMonthsCountsAsExpiredOnThatMachine() {
        requireOnTheLaser(CertificationLevel.SUPERVISED, 6);

        AccessDecision ada = onTheLaser(ADA, SEVEN_MONTHS_ON);

        assertThat(ada.reason()).isEqualTo(DenialReason.EXPIRED);
        assertThat(ada.validUntil()).isEqualTo(Instant.parse("2026-07-05T09:30:00.123456789Z"));
    }

    @Test
    void aGrantEndsAtTheUseLimitWhenThatComesFirst() {
        requireOnTheLaser(CertificationLevel.SUPERVISED, 6);

        AccessDecision ada = onTheLaser(ADA, Instant.parse("2026-07-05T09:00:00Z"));

        assertThat(ada.granted()).isTrue();
        assertThat(ada.validUntil()).isEqualTo(Instant.parse("2026-07-05T09:30:00.123456789Z"));
        assertThat(ada.maxSessionMinutes()).isEqualTo(30);
    }

    @Test
    void aSessionOnAMachineTheCertificationCoversCountsAsUse() {
        requireOnTheLaser(CertificationLevel.SUPERVISED, 6);

        access.on(new MachineSessionStarted(SessionId.of("s-1"), FABLAB, LASER, ADA,
                                            Instant.parse("2026-05-01T10:00:00Z"), false));

        AccessDecision ada = onTheLaser(ADA, SEVEN_MONTHS_ON);
        assertThat(ada.granted()).isTrue();
        assertThat(ada.validUntil()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
    }

    @Test
    void aRequirementBindsItsOwnMachineOnly() {
        access.on(certification(BEN, "cert-ben-printer", new CertificationScope.OneMachine(PRINTER),
                                CertificationLevel.AUTONOMOUS, new ExpiryRule.Never(), T0));
        access.on(new MachineRequirementChanged(FABLAB, PRINTER, CertificationLevel.TRAINER, 1));
        access.on(new MachineRequirementChanged(OTHER_LAB, LASER, CertificationLevel.TRAINER, 1));

        assertThat(onTheLaser(ADA, SEVEN_MONTHS_ON).granted()).isTrue();
        assertThat(access.decide(PRINTER, AccessSubject.member(BEN), SOON).reason())
                .isEqualTo(DenialReason.LEVEL_TOO_LOW);
    }

    @Test
    void theAccessListLeavesOutWhomTheRequirementRefuses() {
        requireOnTheLaser(CertificationLevel.AUTONOMOUS, null);

        MachineAccessList list = access.find(new FindMachineAccessList(LASER, SOON));

        assertThat(list.entries()).extracting(MachineAccessList.Entry::memberId).containsExactly(ADA, TOM);
    }

    @Test
    void relaxingTheRequirementToTheDefaultLetsEveryoneBackIn() {
        requireOnTheLaser(CertificationLevel.TRAINER, 6);

        requireOnTheLaser(CertificationLevel.SUPERVISED, null);

        assertThat(access.find(new FindMachineAccessList(LASER, SEVEN_MONTHS_ON)).entries())
                .extracting(MachineAccessList.Entry::memberId).containsExactly(ADA, BEN, TOM);
    }

    @Test
    void theRequirementSurvivesARestart() {
        requireOnTheLaser(CertificationLevel.AUTONOMOUS, 6);

        AccessProjection restarted = new AccessProjection(observed.storage(), new SimpleMeterRegistry());

        assertThat(restarted.decide(LASER, AccessSubject.member(BEN), SOON).reason())
                .isEqualTo(DenialReason.LEVEL_TOO_LOW);
        assertThat(restarted.decide(LASER, AccessSubject.member(ADA), SEVEN_MONTHS_ON).reason())
                .isEqualTo(DenialReason.EXPIRED);
    }

    // ---------------------------------------------------------------- preview

    @Test
    void thePreviewListsExactlyWhoWouldLoseAccessAndWhy() {
        access.on(new MachineSessionStarted(SessionId.of("s-1"), FABLAB, LASER, TOM,
                                            Instant.parse("2026-05-01T10:00:00Z"), false));
        access.on(new MachineSessionStarted(SessionId.of("s-2"), FABLAB, LASER, BEN,
                                            Instant.parse("2026-05-02T10:00:00Z"), false));

        RequirementPreview preview = access.model().preview(
                LASER, new MachineRequirement(LASER, CertificationLevel.AUTONOMOUS, 6), SEVEN_MONTHS_ON);

        assertThat(preview.losing()).containsExactly(
                new RequirementPreview.Loss(ADA, CertificationLevel.AUTONOMOUS, null, DenialReason.EXPIRED),
                new RequirementPreview.Loss(BEN, CertificationLevel.SUPERVISED, null, DenialReason.LEVEL_TOO_LOW));
        assertThat(preview.keeping()).isEqualTo(1);
        assertThat(preview.current()).isEqualTo(MachineRequirement.defaultFor(LASER));
    }

    @Test
    void thePreviewChangesNothing() {
        access.model().preview(LASER, new MachineRequirement(LASER, CertificationLevel.TRAINER, 1), SEVEN_MONTHS_ON);

        assertThat(onTheLaser(ADA, SEVEN_MONTHS_ON).granted()).isTrue();
        assertThat(access.model().requirementOf(access.model().machine(LASER).orElseThrow()))
                .isEqualTo(MachineRequirement.defaultFor(LASER));
    }

    @Test
    void thePreviewLeavesOutWhoHasNoAccessNow() {
        access.on(new org.makerspace.ledger.member.api.MemberSuspended(BEN, "no fee", T0));

        RequirementPreview preview = access.model().preview(
                LASER, new MachineRequirement(LASER, CertificationLevel.AUTONOMOUS, null), SOON);

        assertThat(preview.losing()).isEmpty();
        assertThat(preview.keeping()).isEqualTo(2);
    }

    @Test
    void noPreviewForAnUnknownMachine() {
        assertThat(access.model().preview(org.makerspace.ledger.lab.api.MachineId.of("nowhere"),
                                          MachineRequirement.defaultFor(LASER), SOON)).isNull();
    }
}
