package org.makerspace.ledger.member;

import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;
import static org.makerspace.ledger.member.MemberTestData.MARIE;
import static org.makerspace.ledger.member.MemberTestData.MARIE_REGISTERED;
import static org.makerspace.ledger.member.MemberTestData.memberFixture;

import java.time.Instant;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.member.api.MemberReinstated;
import org.makerspace.ledger.member.api.MemberSuspended;
import org.makerspace.ledger.member.api.ReinstateMember;
import org.makerspace.ledger.member.api.SuspendMember;

class MemberSuspensionTest {

    private static final Instant SUSPENDED = Instant.parse("2026-04-01T12:00:00Z");
    private static final Instant REINSTATED = Instant.parse("2026-04-15T12:00:00Z");
    private static final MemberSuspended MARIE_SUSPENDED = new MemberSuspended(MARIE, "unsafe use of the CNC", SUSPENDED);

    private final FixtureConfiguration<Member> fixture = memberFixture();

    @Test
    void canSuspendMember() {
        fixture.given(MARIE_REGISTERED)
                .when(new SuspendMember(MARIE, "unsafe use of the CNC", SUSPENDED))
                .expectEvents(MARIE_SUSPENDED);
    }

    @Test
    void cannotSuspendSuspendedMember() {
        fixture.given(MARIE_REGISTERED, MARIE_SUSPENDED)
                .when(new SuspendMember(MARIE, "unpaid fees", REINSTATED))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("member-suspended"))
                .expectExceptionMessage("member marie is suspended since 2026-04-01T12:00:00Z: unsafe use of the CNC");
    }

    @Test
    void cannotSuspendMemberWithoutReason() {
        fixture.given(MARIE_REGISTERED)
                .when(new SuspendMember(MARIE, " ", SUSPENDED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason must not be blank");
    }

    @Test
    void cannotSuspendMemberBeforeTheirLastReinstatement() {
        fixture.given(MARIE_REGISTERED, MARIE_SUSPENDED, new MemberReinstated(MARIE, REINSTATED))
                .when(new SuspendMember(MARIE, "unpaid fees", SUSPENDED.plusSeconds(3600)))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("out-of-sequence"))
                .expectExceptionMessage("suspension of member marie at 2026-04-01T13:00:00Z is before member marie was reinstated"
                        + " at 2026-04-15T12:00:00Z");
    }

    @Test
    void canSuspendMemberAgainAfterReinstatement() {
        fixture.given(MARIE_REGISTERED, MARIE_SUSPENDED, new MemberReinstated(MARIE, REINSTATED))
                .when(new SuspendMember(MARIE, "unpaid fees", REINSTATED.plusSeconds(86_400)))
                .expectEvents(new MemberSuspended(MARIE, "unpaid fees", REINSTATED.plusSeconds(86_400)));
    }

    @Test
    void canReinstateSuspendedMember() {
        fixture.given(MARIE_REGISTERED, MARIE_SUSPENDED)
                .when(new ReinstateMember(MARIE, REINSTATED))
                .expectEvents(new MemberReinstated(MARIE, REINSTATED));
    }

    @Test
    void cannotReinstateMemberNeverSuspended() {
        fixture.given(MARIE_REGISTERED)
                .when(new ReinstateMember(MARIE, REINSTATED))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("member-not-suspended"))
                .expectExceptionMessage("member marie is not suspended");
    }

    @Test
    void cannotReinstateMemberTwice() {
        fixture.given(MARIE_REGISTERED, MARIE_SUSPENDED, new MemberReinstated(MARIE, REINSTATED))
                .when(new ReinstateMember(MARIE, REINSTATED.plusSeconds(60)))
                .expectException(refusedWithCode("member-not-suspended"))
                .expectExceptionMessage("member marie is not suspended: reinstated at 2026-04-15T12:00:00Z");
    }

    @Test
    void cannotReinstateMemberBeforeTheirSuspension() {
        fixture.given(MARIE_REGISTERED, MARIE_SUSPENDED)
                .when(new ReinstateMember(MARIE, Instant.parse("2026-03-01T00:00:00Z")))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("out-of-sequence"))
                .expectExceptionMessage("reinstatement of member marie at 2026-03-01T00:00:00Z is before member marie was suspended"
                        + " at 2026-04-01T12:00:00Z");
    }

    @Test
    void cannotReinstateMemberWithoutTime() {
        fixture.given(MARIE_REGISTERED, MARIE_SUSPENDED)
                .when(new ReinstateMember(MARIE, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reinstatedAt is required");
    }
}
