package org.makerspace.ledger.member;

import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;
import static org.makerspace.ledger.member.MemberTestData.MARIE;
import static org.makerspace.ledger.member.MemberTestData.MARIE_REGISTERED;
import static org.makerspace.ledger.member.MemberTestData.memberFixture;

import java.time.Instant;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.member.api.AwardId;
import org.makerspace.ledger.member.api.AwardReinstated;
import org.makerspace.ledger.member.api.AwardRevoked;
import org.makerspace.ledger.member.api.AwardSuspended;
import org.makerspace.ledger.member.api.ReinstateAward;
import org.makerspace.ledger.member.api.RevokeAward;
import org.makerspace.ledger.member.api.SuspendAward;

/** A lab revokes, suspends and reinstates an award of a member: recorded once, refused when it contradicts itself. */
class AwardDecisionTest {

    private static final AwardId AWARD = AwardId.of("4f9c1f5e-1b7a-3c0d-9a55-0e6d2b8e7a11");
    private static final AwardId OTHER_AWARD = AwardId.of("0b5d3c1e-9a7f-3e2d-8c41-6a2f1e0d9b77");
    private static final Instant SUSPENDED = Instant.parse("2026-04-01T09:00:00Z");
    private static final Instant REINSTATED = Instant.parse("2026-04-08T09:00:00Z");
    private static final Instant REVOKED = Instant.parse("2026-05-01T09:00:00Z");

    private static final AwardSuspended AWARD_SUSPENDED = new AwardSuspended(MARIE, AWARD, "badge under review", SUSPENDED);
    private static final AwardReinstated AWARD_REINSTATED = new AwardReinstated(MARIE, AWARD, REINSTATED);
    private static final AwardRevoked AWARD_REVOKED = new AwardRevoked(MARIE, AWARD, "awarded by mistake", REVOKED);

    private final FixtureConfiguration<Member> fixture = memberFixture();

    // RevokeAward

    @Test
    void canRevokeAnAward() {
        fixture.given(MARIE_REGISTERED)
                .when(new RevokeAward(MARIE, AWARD, "awarded by mistake", REVOKED))
                .expectEvents(AWARD_REVOKED);
    }

    @Test
    void canRevokeASuspendedAward() {
        fixture.given(MARIE_REGISTERED, AWARD_SUSPENDED)
                .when(new RevokeAward(MARIE, AWARD, "awarded by mistake", REVOKED))
                .expectEvents(AWARD_REVOKED);
    }

    @Test
    void revokingARevokedAwardAgainRecordsNothing() {
        fixture.given(MARIE_REGISTERED, AWARD_REVOKED)
                .when(new RevokeAward(MARIE, AWARD, "asked twice", REVOKED.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotRevokeBeforeTheSuspensionItActsOn() {
        fixture.given(MARIE_REGISTERED, AWARD_SUSPENDED)
                .when(new RevokeAward(MARIE, AWARD, "backdated", SUSPENDED.minusSeconds(1)))
                .expectException(refusedWithCode("out-of-sequence"))
                .expectExceptionMessage("revocation of award " + AWARD + " of member marie at 2026-04-01T08:59:59Z "
                                        + "is before it was suspended at 2026-04-01T09:00:00Z");
    }

    @Test
    void cannotRevokeWithoutAReason() {
        fixture.given(MARIE_REGISTERED)
                .when(new RevokeAward(MARIE, AWARD, " ", REVOKED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason must not be blank");
    }

    // SuspendAward

    @Test
    void canSuspendAnAward() {
        fixture.given(MARIE_REGISTERED)
                .when(new SuspendAward(MARIE, AWARD, "badge under review", SUSPENDED))
                .expectEvents(AWARD_SUSPENDED);
    }

    @Test
    void suspendingASuspendedAwardAgainRecordsNothing() {
        fixture.given(MARIE_REGISTERED, AWARD_SUSPENDED)
                .when(new SuspendAward(MARIE, AWARD, "asked twice", SUSPENDED.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void canSuspendAgainAfterAReinstatement() {
        fixture.given(MARIE_REGISTERED, AWARD_SUSPENDED, AWARD_REINSTATED)
                .when(new SuspendAward(MARIE, AWARD, "second review", REVOKED))
                .expectEvents(new AwardSuspended(MARIE, AWARD, "second review", REVOKED));
    }

    @Test
    void cannotSuspendARevokedAward() {
        fixture.given(MARIE_REGISTERED, AWARD_REVOKED)
                .when(new SuspendAward(MARIE, AWARD, "review", REVOKED.plusSeconds(60)))
                .expectException(refusedWithCode("award-revoked"))
                .expectExceptionMessage("award " + AWARD + " of member marie was revoked at 2026-05-01T09:00:00Z: "
                                        + "awarded by mistake");
    }

    @Test
    void suspendingOneAwardLeavesTheOthersAlone() {
        fixture.given(MARIE_REGISTERED, AWARD_REVOKED)
                .when(new SuspendAward(MARIE, OTHER_AWARD, "review", SUSPENDED))
                .expectEvents(new AwardSuspended(MARIE, OTHER_AWARD, "review", SUSPENDED));
    }

    // ReinstateAward

    @Test
    void canReinstateASuspendedAward() {
        fixture.given(MARIE_REGISTERED, AWARD_SUSPENDED)
                .when(new ReinstateAward(MARIE, AWARD, REINSTATED))
                .expectEvents(AWARD_REINSTATED);
    }

    @Test
    void reinstatingAnAwardThatIsNotSuspendedRecordsNothing() {
        fixture.given(MARIE_REGISTERED, AWARD_SUSPENDED, AWARD_REINSTATED)
                .when(new ReinstateAward(MARIE, AWARD, REINSTATED.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reinstatingAnAwardNeverSuspendedRecordsNothing() {
        fixture.given(MARIE_REGISTERED)
                .when(new ReinstateAward(MARIE, AWARD, REINSTATED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotReinstateARevokedAward() {
        fixture.given(MARIE_REGISTERED, AWARD_SUSPENDED, AWARD_REVOKED)
                .when(new ReinstateAward(MARIE, AWARD, REVOKED.plusSeconds(60)))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("award-revoked"));
    }

    @Test
    void cannotReinstateBeforeTheSuspension() {
        fixture.given(MARIE_REGISTERED, AWARD_SUSPENDED)
                .when(new ReinstateAward(MARIE, AWARD, SUSPENDED.minusSeconds(3600)))
                .expectException(refusedWithCode("out-of-sequence"));
    }
}
