package org.makerspace.ledger.member;

import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;
import static org.makerspace.ledger.member.MemberTestData.ALICE;
import static org.makerspace.ledger.member.MemberTestData.BOB;
import static org.makerspace.ledger.member.MemberTestData.LYON;
import static org.makerspace.ledger.member.MemberTestData.MARIE;
import static org.makerspace.ledger.member.MemberTestData.MARIE_REGISTERED;
import static org.makerspace.ledger.member.MemberTestData.PARIS;
import static org.makerspace.ledger.member.MemberTestData.memberFixture;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.common.UnknownReference;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.member.api.MemberSuspended;
import org.makerspace.ledger.member.api.RecordTrainingCompletion;
import org.makerspace.ledger.member.api.RetractTrainingRecord;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.TrainingId;
import org.makerspace.ledger.member.api.TrainingRecordRetracted;

class TrainingRecordTest {

    private static final TrainingId LASER_BASICS = TrainingId.of("t-laser-basics");
    private static final Instant COMPLETED = Instant.parse("2026-02-10T17:00:00Z");
    private static final Instant RETRACTED = Instant.parse("2026-02-12T09:00:00Z");
    private static final BigDecimal THREE_HOURS = new BigDecimal("3");
    private static final TrainingCompleted LASER_BASICS_COMPLETED =
            new TrainingCompleted(MARIE, LASER_BASICS, PARIS, "LASER-101", THREE_HOURS, ALICE, COMPLETED);

    private final FixtureConfiguration<Member> fixture = memberFixture();

    private static RecordTrainingCompletion laserBasics(BigDecimal hours) {
        return new RecordTrainingCompletion(MARIE, LASER_BASICS, PARIS, "LASER-101", hours, ALICE, COMPLETED);
    }

    @Test
    void canRecordTrainingGivenByTrainerOfTheLab() {
        fixture.given(MARIE_REGISTERED)
                .when(laserBasics(THREE_HOURS))
                .expectEvents(LASER_BASICS_COMPLETED);
    }

    @Test
    void canRecordTrainingGivenByTrainerNotQualifiedOnAnyMachine() {
        fixture.given(MARIE_REGISTERED)
                .when(new RecordTrainingCompletion(MARIE, LASER_BASICS, PARIS, "SAFETY-001", BigDecimal.ONE, BOB, COMPLETED))
                .expectEvents(new TrainingCompleted(MARIE, LASER_BASICS, PARIS, "SAFETY-001", BigDecimal.ONE, BOB, COMPLETED));
    }

    @Test
    void canRecordTrainingOfSuspendedMember() {
        fixture.given(MARIE_REGISTERED, new MemberSuspended(MARIE, "unpaid fees", COMPLETED.minusSeconds(86_400)))
                .when(laserBasics(THREE_HOURS))
                .expectEvents(LASER_BASICS_COMPLETED);
    }

    @Test
    void cannotRecordTrainingByTrainerNotRegisteredInLab() {
        fixture.given(MARIE_REGISTERED)
                .when(new RecordTrainingCompletion(MARIE, LASER_BASICS, PARIS, "LASER-101", THREE_HOURS, TrainerId.of("carol"), COMPLETED))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-trainer"))
                .expectExceptionMessage("trainer carol is not registered in lab fablab-paris");
    }

    @Test
    void cannotRecordTrainingByTrainerOfAnotherLab() {
        fixture.given(MARIE_REGISTERED)
                .when(new RecordTrainingCompletion(MARIE, LASER_BASICS, LYON, "LASER-101", THREE_HOURS, ALICE, COMPLETED))
                .expectException(refusedWithCode("unknown-trainer"))
                .expectExceptionMessage("trainer alice is not registered in lab fablab-lyon");
    }

    @Test
    void cannotRecordTrainingInUnknownLab() {
        fixture.given(MARIE_REGISTERED)
                .when(new RecordTrainingCompletion(MARIE, LASER_BASICS, LabId.of("fablab-x"), "LASER-101", THREE_HOURS, ALICE, COMPLETED))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-lab"))
                .expectExceptionMessage("lab fablab-x is not registered");
    }

    @Test
    void cannotRecordSameTrainingTwice() {
        fixture.given(MARIE_REGISTERED, LASER_BASICS_COMPLETED)
                .when(laserBasics(THREE_HOURS))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("duplicate-training"))
                .expectExceptionMessage("training t-laser-basics is already recorded for member marie");
    }

    @Test
    void cannotRecordRetractedTrainingAgainUnderSameId() {
        fixture.given(MARIE_REGISTERED, LASER_BASICS_COMPLETED, new TrainingRecordRetracted(MARIE, LASER_BASICS, "wrong member", RETRACTED))
                .when(laserBasics(THREE_HOURS))
                .expectException(refusedWithCode("duplicate-training"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1.5", "1000.25"})
    void cannotRecordTrainingOfHoursOutsideTheRange(String hours) {
        fixture.given(MARIE_REGISTERED)
                .when(laserBasics(new BigDecimal(hours)))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("hours must be more than 0 and at most 1000, but was " + hours);
    }

    @Test
    void canRecordTrainingOfAThousandHours() {
        fixture.given(MARIE_REGISTERED)
                .when(laserBasics(new BigDecimal("1000")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotRecordTrainingWithoutCourseCode() {
        fixture.given(MARIE_REGISTERED)
                .when(new RecordTrainingCompletion(MARIE, LASER_BASICS, PARIS, " ", THREE_HOURS, ALICE, COMPLETED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("courseCode must not be blank");
    }

    @Test
    void cannotRecordTrainingWithoutCompletionTime() {
        fixture.given(MARIE_REGISTERED)
                .when(new RecordTrainingCompletion(MARIE, LASER_BASICS, PARIS, "LASER-101", THREE_HOURS, ALICE, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("completedAt is required");
    }

    @Test
    void canRetractTrainingRecord() {
        fixture.given(MARIE_REGISTERED, LASER_BASICS_COMPLETED)
                .when(new RetractTrainingRecord(MARIE, LASER_BASICS, "wrong member", RETRACTED))
                .expectEvents(new TrainingRecordRetracted(MARIE, LASER_BASICS, "wrong member", RETRACTED));
    }

    @Test
    void cannotRetractUnknownTraining() {
        fixture.given(MARIE_REGISTERED, LASER_BASICS_COMPLETED)
                .when(new RetractTrainingRecord(MARIE, TrainingId.of("t-cnc"), "wrong member", RETRACTED))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-training"))
                .expectExceptionMessage("member marie has no training t-cnc");
    }

    @Test
    void cannotRetractTrainingTwice() {
        fixture.given(MARIE_REGISTERED, LASER_BASICS_COMPLETED, new TrainingRecordRetracted(MARIE, LASER_BASICS, "wrong member", RETRACTED))
                .when(new RetractTrainingRecord(MARIE, LASER_BASICS, "still wrong", RETRACTED.plusSeconds(60)))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("training-retracted"))
                .expectExceptionMessage("training t-laser-basics of member marie was retracted at 2026-02-12T09:00:00Z");
    }

    @Test
    void cannotRetractTrainingBeforeItWasCompleted() {
        fixture.given(MARIE_REGISTERED, LASER_BASICS_COMPLETED)
                .when(new RetractTrainingRecord(MARIE, LASER_BASICS, "wrong member", COMPLETED.minusSeconds(3600)))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("out-of-sequence"))
                .expectExceptionMessage("retraction of training t-laser-basics of member marie at 2026-02-10T16:00:00Z"
                        + " is before it was completed at 2026-02-10T17:00:00Z");
    }

    @Test
    void cannotRetractTrainingWithoutReason() {
        fixture.given(MARIE_REGISTERED, LASER_BASICS_COMPLETED)
                .when(new RetractTrainingRecord(MARIE, LASER_BASICS, null, RETRACTED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason must not be blank");
    }
}
