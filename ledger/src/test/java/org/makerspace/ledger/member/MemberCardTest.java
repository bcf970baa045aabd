package org.makerspace.ledger.member;

import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;
import static org.makerspace.ledger.member.MemberTestData.MARIE;
import static org.makerspace.ledger.member.MemberTestData.MARIE_REGISTERED;
import static org.makerspace.ledger.member.MemberTestData.memberFixture;

import java.time.Instant;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.member.api.LinkMemberCard;
import org.makerspace.ledger.member.api.MemberCardLinked;
import org.makerspace.ledger.member.api.MemberCardUnlinked;
import org.makerspace.ledger.member.api.UnlinkMemberCard;

class MemberCardTest {

    private static final String CARD = "hmac-4f1c2a9b7e";
    private static final String OTHER_CARD = "hmac-90ab11cd02";
    private static final Instant LINKED = Instant.parse("2026-01-06T10:00:00Z");
    private static final Instant LOST = Instant.parse("2026-04-01T08:30:00Z");

    private final FixtureConfiguration<Member> fixture = memberFixture();

    @Test
    void canLinkCard() {
        fixture.given(MARIE_REGISTERED)
                .when(new LinkMemberCard(MARIE, CARD, LINKED))
                .expectEvents(new MemberCardLinked(MARIE, CARD, LINKED));
    }

    @Test
    void canLinkSecondCard() {
        fixture.given(MARIE_REGISTERED, new MemberCardLinked(MARIE, CARD, LINKED))
                .when(new LinkMemberCard(MARIE, OTHER_CARD, LOST))
                .expectEvents(new MemberCardLinked(MARIE, OTHER_CARD, LOST));
    }

    @Test
    void cannotLinkCardAlreadyLinkedToMember() {
        fixture.given(MARIE_REGISTERED, new MemberCardLinked(MARIE, CARD, LINKED))
                .when(new LinkMemberCard(MARIE, CARD, LOST))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("card-already-linked"))
                .expectExceptionMessage("card hmac-4f1c2a9b7e is already linked to member marie since 2026-01-06T10:00:00Z");
    }

    @Test
    void cannotLinkBlankCardFingerprint() {
        fixture.given(MARIE_REGISTERED)
                .when(new LinkMemberCard(MARIE, "  ", LINKED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("cardFingerprint must not be blank");
    }

    @Test
    void canUnlinkLinkedCard() {
        fixture.given(MARIE_REGISTERED, new MemberCardLinked(MARIE, CARD, LINKED))
                .when(new UnlinkMemberCard(MARIE, CARD, "lost", LOST))
                .expectEvents(new MemberCardUnlinked(MARIE, CARD, "lost", LOST));
    }

    @Test
    void canLinkCardAgainAfterUnlinkingIt() {
        fixture.given(MARIE_REGISTERED, new MemberCardLinked(MARIE, CARD, LINKED), new MemberCardUnlinked(MARIE, CARD, "lost", LOST))
                .when(new LinkMemberCard(MARIE, CARD, LOST.plusSeconds(86_400)))
                .expectEvents(new MemberCardLinked(MARIE, CARD, LOST.plusSeconds(86_400)));
    }

    @Test
    void cannotUnlinkCardNotLinked() {
        fixture.given(MARIE_REGISTERED, new MemberCardLinked(MARIE, CARD, LINKED))
                .when(new UnlinkMemberCard(MARIE, OTHER_CARD, "lost", LOST))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("card-not-linked"))
                .expectExceptionMessage("card hmac-90ab11cd02 is not linked to member marie");
    }

    @Test
    void cannotUnlinkCardTwice() {
        fixture.given(MARIE_REGISTERED, new MemberCardLinked(MARIE, CARD, LINKED), new MemberCardUnlinked(MARIE, CARD, "lost", LOST))
                .when(new UnlinkMemberCard(MARIE, CARD, "lost", LOST))
                .expectException(refusedWithCode("card-not-linked"))
                .expectExceptionMessage("card hmac-4f1c2a9b7e is not linked to member marie");
    }

    @Test
    void cannotUnlinkCardBeforeItWasLinked() {
        fixture.given(MARIE_REGISTERED, new MemberCardLinked(MARIE, CARD, LOST))
                .when(new UnlinkMemberCard(MARIE, CARD, "lost", LINKED))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("out-of-sequence"))
                .expectExceptionMessage("unlinking card hmac-4f1c2a9b7e from member marie at 2026-01-06T10:00:00Z"
                        + " is before it was linked at 2026-04-01T08:30:00Z");
    }

    @Test
    void cannotUnlinkCardWithoutReason() {
        fixture.given(MARIE_REGISTERED, new MemberCardLinked(MARIE, CARD, LINKED))
                .when(new UnlinkMemberCard(MARIE, CARD, "", LOST))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason must not be blank");
    }
}
