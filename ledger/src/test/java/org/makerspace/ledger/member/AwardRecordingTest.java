package org.makerspace.ledger.member;

import static org.makerspace.ledger.member.MemberTestData.MARIE;
import static org.makerspace.ledger.member.MemberTestData.MARIE_REGISTERED;
import static org.makerspace.ledger.member.MemberTestData.memberFixture;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.AchievementAwarded;
import org.makerspace.ledger.member.api.AwardEvidence;
import org.makerspace.ledger.member.api.AwardId;
import org.makerspace.ledger.member.api.AwardRedated;
import org.makerspace.ledger.member.api.RecordAward;

/** The award decisions record an award in the member's record: once per achievement, however often they ask. */
class AwardRecordingTest {

    private static final AchievementId LASER_PILOT = AchievementId.of("laser-pilot");
    private static final AwardId AWARD = AwardId.of("4f9c1f5e-1b7a-3c0d-9a55-0e6d2b8e7a11");
    private static final AwardId OTHER_AWARD = AwardId.of("0b5d3c1e-9a7f-3e2d-8c41-6a2f1e0d9b77");
    private static final LabId LAB = LabId.of("fablab");
    private static final Instant MET = Instant.parse("2026-11-13T16:00:00Z");
    private static final List<AwardEvidence> EVIDENCE =
            List.of(new AwardEvidence(new Criterion.TrainingCompleted("laser-basics"), List.of("t-5")));

    private final FixtureConfiguration<Member> fixture = memberFixture();

    @Test
    void canRecordAnAward() {
        fixture.given(MARIE_REGISTERED)
                .when(new RecordAward(MARIE, AWARD, LASER_PILOT, 2, LAB, MET, EVIDENCE))
                .expectEvents(new AchievementAwarded(MARIE, AWARD, LASER_PILOT, 2, LAB, MET, EVIDENCE));
    }

    @Test
    void recordingTheSameAwardAgainRecordsNothing() {
        fixture.given(MARIE_REGISTERED, new AchievementAwarded(MARIE, AWARD, LASER_PILOT, 2, LAB, MET, EVIDENCE))
                .when(new RecordAward(MARIE, AWARD, LASER_PILOT, 2, LAB, MET, EVIDENCE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAchievementAlreadyHeldIsNotAwardedTwiceEvenUnderAnotherAwardId() {
        fixture.given(MARIE_REGISTERED, new AchievementAwarded(MARIE, AWARD, LASER_PILOT, 1, LAB, MET, EVIDENCE))
                .when(new RecordAward(MARIE, OTHER_AWARD, LASER_PILOT, 2, LAB, MET.plusSeconds(60), EVIDENCE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotRecordAnAwardWithoutItsBusinessTime() {
        fixture.given(MARIE_REGISTERED)
                .when(new RecordAward(MARIE, AWARD, LASER_PILOT, 1, LAB, null, EVIDENCE))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("awardedAt is required");
    }

    @Test
    void anEarlierTimeForAnAchievementHeldRedatesTheAwardItHolds() {
        List<AwardEvidence> earlier = List.of(new AwardEvidence(new Criterion.TrainingCompleted("laser-basics"),
                                                                List.of("t-3")));
        fixture.given(MARIE_REGISTERED, new AchievementAwarded(MARIE, AWARD, LASER_PILOT, 2, LAB, MET, EVIDENCE))
                .when(new RecordAward(MARIE, OTHER_AWARD, LASER_PILOT, 2, LAB, MET.minusSeconds(86_400), earlier))
                .expectEvents(new AwardRedated(MARIE, AWARD, LASER_PILOT, MET.minusSeconds(86_400), earlier));
    }

    @Test
    void aLaterTimeForAnAchievementHeldRecordsNothing() {
        fixture.given(MARIE_REGISTERED, new AchievementAwarded(MARIE, AWARD, LASER_PILOT, 2, LAB, MET, EVIDENCE),
                      new AwardRedated(MARIE, AWARD, LASER_PILOT, MET.minusSeconds(60), EVIDENCE))
                .when(new RecordAward(MARIE, AWARD, LASER_PILOT, 2, LAB, MET.minusSeconds(30), EVIDENCE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
