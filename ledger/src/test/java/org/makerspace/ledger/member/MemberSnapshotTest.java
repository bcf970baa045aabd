package org.makerspace.ledger.member;

import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;
import static org.makerspace.ledger.member.MemberTestData.ALICE;
import static org.makerspace.ledger.member.MemberTestData.LABS;
import static org.makerspace.ledger.member.MemberTestData.LASER_1;
import static org.makerspace.ledger.member.MemberTestData.MARIE;
import static org.makerspace.ledger.member.MemberTestData.MARIE_REGISTERED;
import static org.makerspace.ledger.member.MemberTestData.PARIS;
import static org.makerspace.ledger.member.MemberTestData.memberFixture;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.makerspace.ledger.common.Snapshots;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.AwardId;
import org.makerspace.ledger.member.api.AwardRevoked;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ContributionId;
import org.makerspace.ledger.member.api.ContributionRole;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.LinkMemberCard;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberCardLinked;
import org.makerspace.ledger.member.api.MemberReinstated;
import org.makerspace.ledger.member.api.MemberSuspended;
import org.makerspace.ledger.member.api.RecordTrainingCompletion;
import org.makerspace.ledger.member.api.RecordWorkshopContribution;
import org.makerspace.ledger.member.api.ReinstateMachineCertification;
import org.makerspace.ledger.member.api.RetractTrainingRecord;
import org.makerspace.ledger.member.api.RevokeMachineCertification;
import org.makerspace.ledger.member.api.SuspendAward;
import org.makerspace.ledger.member.api.SuspendMember;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.TrainingId;
import org.makerspace.ledger.member.api.TrainingRecordRetracted;
import org.makerspace.ledger.member.api.WorkshopContributionRecorded;

/** A member restored from a snapshot decides as the member it was taken from. */
class MemberSnapshotTest {

    private static final Instant DAY_1 = Instant.parse("2026-02-01T10:00:00Z");
    private static final TrainingId LASER_BASICS = TrainingId.of("t-laser");
    private static final TrainingId WRONG_TRAINING = TrainingId.of("t-wrong");
    private static final CertificationId ACTIVE = CertificationId.of("cert-active");
    private static final CertificationId SUSPENDED = CertificationId.of("cert-suspended");
    private static final CertificationId REVOKED = CertificationId.of("cert-revoked");
    private static final AwardId REVOKED_AWARD = AwardId.of("3d1f9a2e-5b6c-3a7d-8e9f-0a1b2c3d4e5f");
    private static final ContributionId REPAIR_CAFE = ContributionId.of("c-repair-cafe");

    private static Instant day(int n) {
        return DAY_1.plusSeconds(86_400L * (n - 1));
    }

    private static MachineCertificationGranted granted(CertificationId id, CertificationScope scope, ExpiryRule expiry) {
        return new MachineCertificationGranted(MARIE, id, PARIS, scope, CertificationLevel.AUTONOMOUS, expiry, ALICE, day(2));
    }

    /** Cards, trainings (one retracted), certifications in every state, a contribution, and a suspension. */
    private static Member memberWithHistory() {
        return Snapshots.stateAfter(memberFixture()
                .given(MARIE_REGISTERED,
                        new MemberCardLinked(MARIE, "hmac-4f1c2a9b7e", day(1)),
                        new TrainingCompleted(MARIE, LASER_BASICS, PARIS, "LASER-101", new BigDecimal("2.5"), ALICE, day(1)),
                        new TrainingCompleted(MARIE, WRONG_TRAINING, PARIS, "CNC-101", BigDecimal.ONE, ALICE, day(1)),
                        new TrainingRecordRetracted(MARIE, WRONG_TRAINING, "wrong member", day(2)),
                        granted(ACTIVE, new CertificationScope.OneMachine(LASER_1), new ExpiryRule.AfterPeriod(Period.ofYears(2))),
                        granted(SUSPENDED, new CertificationScope.MachineFamily(MachineType.LASER_CUTTER), new ExpiryRule.AfterInactivity(6)),
                        new MachineCertificationSuspended(MARIE, SUSPENDED, "incident", day(3)),
                        granted(REVOKED, new CertificationScope.OneMachine(LASER_1), new ExpiryRule.OnDate(day(300))),
                        new MachineCertificationSuspended(MARIE, REVOKED, "incident", day(3)),
                        new MachineCertificationReinstated(MARIE, REVOKED, day(4)),
                        new MachineCertificationRevoked(MARIE, REVOKED, "second incident", day(5)),
                        new WorkshopContributionRecorded(MARIE, REPAIR_CAFE, PARIS, "Repair café", ContributionRole.MENTOR, BigDecimal.TEN, day(5)),
                        new AwardRevoked(MARIE, REVOKED_AWARD, "awarded by mistake", day(5)),
                        new MemberSuspended(MARIE, "unpaid fees", day(6)),
                        new MemberReinstated(MARIE, day(7)))
                .when(new SuspendMember(MARIE, "unsafe use of the CNC", day(8))));
    }

    private static TestExecutor<Member> given(Member restored) {
        return new AggregateTestFixture<>(Member.class).registerInjectableResource(LABS).givenState(() -> restored);
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredMemberStillRefusesDuplicateTraining(Serializer serializer) {
        Member restored = Snapshots.roundTrip(serializer, memberWithHistory());

        given(restored)
                .when(new RecordTrainingCompletion(MARIE, LASER_BASICS, PARIS, "LASER-101", BigDecimal.ONE, ALICE, day(9)))
                .expectException(refusedWithCode("duplicate-training"))
                .expectExceptionMessage("training t-laser is already recorded for member marie");
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredMemberStillKnowsWhenTrainingWasRetracted(Serializer serializer) {
        Member restored = Snapshots.roundTrip(serializer, memberWithHistory());

        given(restored)
                .when(new RetractTrainingRecord(MARIE, WRONG_TRAINING, "again", day(9)))
                .expectException(refusedWithCode("training-retracted"))
                .expectExceptionMessage("training t-wrong of member marie was retracted at 2026-02-02T10:00:00Z");
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredMemberStillKnowsWhyCertificationWasRevoked(Serializer serializer) {
        Member restored = Snapshots.roundTrip(serializer, memberWithHistory());

        given(restored)
                .when(new RevokeMachineCertification(MARIE, REVOKED, "third incident", day(9)))
                .expectException(refusedWithCode("certification-revoked"))
                .expectExceptionMessage("certification cert-revoked of member marie was revoked at 2026-02-05T10:00:00Z: second incident");
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredMemberStillKnowsWhyAnAwardWasRevoked(Serializer serializer) {
        Member restored = Snapshots.roundTrip(serializer, memberWithHistory());

        given(restored)
                .when(new SuspendAward(MARIE, REVOKED_AWARD, "review", day(9)))
                .expectException(refusedWithCode("award-revoked"))
                .expectExceptionMessage("award " + REVOKED_AWARD + " of member marie was revoked at 2026-02-05T10:00:00Z: awarded by mistake");
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredMemberCanStillReinstateSuspendedCertification(Serializer serializer) {
        Member restored = Snapshots.roundTrip(serializer, memberWithHistory());

        given(restored)
                .when(new ReinstateMachineCertification(MARIE, SUSPENDED, day(9)))
                .expectEvents(new MachineCertificationReinstated(MARIE, SUSPENDED, day(9)));
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredMemberStillKnowsWhyMemberIsSuspended(Serializer serializer) {
        Member restored = Snapshots.roundTrip(serializer, memberWithHistory());

        given(restored)
                .when(new SuspendMember(MARIE, "again", day(9)))
                .expectException(refusedWithCode("member-suspended"))
                .expectExceptionMessage("member marie is suspended since 2026-02-08T10:00:00Z: unsafe use of the CNC");
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredMemberStillRefusesLinkedCard(Serializer serializer) {
        Member restored = Snapshots.roundTrip(serializer, memberWithHistory());

        given(restored)
                .when(new LinkMemberCard(MARIE, "hmac-4f1c2a9b7e", day(9)))
                .expectException(refusedWithCode("card-already-linked"))
                .expectExceptionMessage("card hmac-4f1c2a9b7e is already linked to member marie since 2026-02-01T10:00:00Z");
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredMemberStillRefusesDuplicateContribution(Serializer serializer) {
        Member restored = Snapshots.roundTrip(serializer, memberWithHistory());

        given(restored)
                .when(new RecordWorkshopContribution(MARIE, REPAIR_CAFE, PARIS, "Repair café", ContributionRole.MENTOR, BigDecimal.ONE, day(9)))
                .expectException(refusedWithCode("duplicate-contribution"));
    }
}
