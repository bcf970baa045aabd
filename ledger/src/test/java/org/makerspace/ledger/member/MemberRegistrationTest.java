package org.makerspace.ledger.member;

import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;
import static org.makerspace.ledger.member.MemberTestData.MARIE;
import static org.makerspace.ledger.member.MemberTestData.MARIE_REGISTERED;
import static org.makerspace.ledger.member.MemberTestData.PARIS;
import static org.makerspace.ledger.member.MemberTestData.REGISTERED;
import static org.makerspace.ledger.member.MemberTestData.memberFixture;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.common.UnknownReference;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.RegisterMember;

class MemberRegistrationTest {

    private final FixtureConfiguration<Member> fixture = memberFixture();

    @Test
    void canRegisterMemberInRegisteredLab() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MARIE, PARIS, REGISTERED))
                .expectEvents(MARIE_REGISTERED);
    }

    @Test
    void cannotRegisterMemberInUnknownLab() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MARIE, LabId.of("fablab-x"), REGISTERED))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-lab"))
                .expectExceptionMessage("lab fablab-x is not registered");
    }

    @Test
    void cannotRegisterMemberWithoutLab() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MARIE, null, REGISTERED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("labId is required");
    }

    @Test
    void cannotRegisterMemberWithoutRegistrationTime() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MARIE, PARIS, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("registeredAt is required");
    }
}
