package org.makerspace.ledger.member;

import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;
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
import org.makerspace.ledger.member.api.ContributionId;
import org.makerspace.ledger.member.api.ContributionRole;
import org.makerspace.ledger.member.api.JoinedBy;
import org.makerspace.ledger.member.api.MemberJoinedLab;
import org.makerspace.ledger.member.api.RecordWorkshopContribution;
import org.makerspace.ledger.member.api.RetractWorkshopContribution;
import org.makerspace.ledger.member.api.WorkshopContributionRecorded;
import org.makerspace.ledger.member.api.WorkshopContributionRetracted;

class WorkshopContributionTest {

    private static final ContributionId REPAIR_CAFE = ContributionId.of("c-repair-cafe-march");
    private static final Instant HAPPENED = Instant.parse("2026-03-14T14:00:00Z");
    private static final Instant RETRACTED = Instant.parse("2026-03-20T10:00:00Z");
    private static final BigDecimal FOUR_HOURS = new BigDecimal("4");
    private static final WorkshopContributionRecorded REPAIR_CAFE_RECORDED = new WorkshopContributionRecorded(
            MARIE, REPAIR_CAFE, PARIS, "Repair café", ContributionRole.REPAIRER, FOUR_HOURS, HAPPENED);

    private final FixtureConfiguration<Member> fixture = memberFixture();

    @Test
    void canRecordWorkshopContribution() {
        fixture.given(MARIE_REGISTERED)
                .when(new RecordWorkshopContribution(MARIE, REPAIR_CAFE, PARIS, "Repair café", ContributionRole.REPAIRER, FOUR_HOURS, HAPPENED))
                .expectEvents(REPAIR_CAFE_RECORDED);
    }

    @Test
    void canRecordWorkshopContributionInAnotherLabTheMemberJoined() {
        fixture.given(MARIE_REGISTERED, new MemberJoinedLab(MARIE, LYON, JoinedBy.MEMBER, HAPPENED.minusSeconds(3600)))
                .when(new RecordWorkshopContribution(MARIE, REPAIR_CAFE, LYON, "Repair café", ContributionRole.HELPER, FOUR_HOURS, HAPPENED))
                .expectEvents(new WorkshopContributionRecorded(MARIE, REPAIR_CAFE, LYON, "Repair café", ContributionRole.HELPER, FOUR_HOURS,
                        HAPPENED));
    }

    @Test
    void cannotRecordWorkshopContributionInUnknownLab() {
        fixture.given(MARIE_REGISTERED)
                .when(new RecordWorkshopContribution(MARIE, REPAIR_CAFE, LabId.of("fablab-x"), "Repair café", ContributionRole.REPAIRER,
                        FOUR_HOURS, HAPPENED))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-lab"))
                .expectExceptionMessage("lab fablab-x is not registered");
    }

    @Test
    void cannotRecordSameContributionTwice() {
        fixture.given(MARIE_REGISTERED, REPAIR_CAFE_RECORDED)
                .when(new RecordWorkshopContribution(MARIE, REPAIR_CAFE, PARIS, "Repair café", ContributionRole.REPAIRER, FOUR_HOURS, HAPPENED))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("duplicate-contribution"))
                .expectExceptionMessage("contribution c-repair-cafe-march is already recorded for member marie");
    }

    @Test
    void cannotRecordContributionToBlankWorkshop() {
        fixture.given(MARIE_REGISTERED)
                .when(new RecordWorkshopContribution(MARIE, REPAIR_CAFE, PARIS, "", ContributionRole.REPAIRER, FOUR_HOURS, HAPPENED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("workshop must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2", "1001"})
    void cannotRecordContributionOfHoursOutsideTheRange(String hours) {
        fixture.given(MARIE_REGISTERED)
                .when(new RecordWorkshopContribution(MARIE, REPAIR_CAFE, PARIS, "Repair café", ContributionRole.REPAIRER, new BigDecimal(hours),
                        HAPPENED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("hours must be more than 0 and at most 1000, but was " + hours);
    }

    @Test
    void cannotRecordContributionWithoutRole() {
        fixture.given(MARIE_REGISTERED)
                .when(new RecordWorkshopContribution(MARIE, REPAIR_CAFE, PARIS, "Repair café", null, FOUR_HOURS, HAPPENED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("role is required");
    }

    @Test
    void canRetractWorkshopContribution() {
        fixture.given(MARIE_REGISTERED, REPAIR_CAFE_RECORDED)
                .when(new RetractWorkshopContribution(MARIE, REPAIR_CAFE, "recorded for the wrong member", RETRACTED))
                .expectEvents(new WorkshopContributionRetracted(MARIE, REPAIR_CAFE, "recorded for the wrong member", RETRACTED));
    }

    @Test
    void cannotRetractUnknownContribution() {
        fixture.given(MARIE_REGISTERED, REPAIR_CAFE_RECORDED)
                .when(new RetractWorkshopContribution(MARIE, ContributionId.of("c-other"), "wrong", RETRACTED))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-contribution"))
                .expectExceptionMessage("member marie has no contribution c-other");
    }

    @Test
    void cannotRetractContributionTwice() {
        fixture.given(MARIE_REGISTERED, REPAIR_CAFE_RECORDED, new WorkshopContributionRetracted(MARIE, REPAIR_CAFE, "wrong", RETRACTED))
                .when(new RetractWorkshopContribution(MARIE, REPAIR_CAFE, "still wrong", RETRACTED))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("contribution-retracted"))
                .expectExceptionMessage("contribution c-repair-cafe-march of member marie was retracted at 2026-03-20T10:00:00Z");
    }

    @Test
    void cannotRetractContributionBeforeItHappened() {
        fixture.given(MARIE_REGISTERED, REPAIR_CAFE_RECORDED)
                .when(new RetractWorkshopContribution(MARIE, REPAIR_CAFE, "wrong", Instant.parse("2026-03-01T00:00:00Z")))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("out-of-sequence"))
                .expectExceptionMessage("retraction of contribution c-repair-cafe-march of member marie at 2026-03-01T00:00:00Z"
                        + " is before it happened at 2026-03-14T14:00:00Z");
    }

    @Test
    void cannotRetractContributionWithoutReason() {
        fixture.given(MARIE_REGISTERED, REPAIR_CAFE_RECORDED)
                .when(new RetractWorkshopContribution(MARIE, REPAIR_CAFE, " ", RETRACTED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason must not be blank");
    }
}
