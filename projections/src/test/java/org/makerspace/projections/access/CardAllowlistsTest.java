package org.makerspace.projections.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.makerspace.projections.support.TestEvents.ADA;
import static org.makerspace.projections.support.TestEvents.BEN;
import static org.makerspace.projections.support.TestEvents.FABLAB;
import static org.makerspace.projections.support.TestEvents.LASER;
import static org.makerspace.projections.support.TestEvents.PRINTER;
import static org.makerspace.projections.support.TestEvents.T0;
import static org.makerspace.projections.support.TestEvents.certification;
import static org.makerspace.projections.support.TestEvents.days;
import static org.makerspace.projections.support.TestEvents.laserRegistered;
import static org.makerspace.projections.support.TestEvents.printerRegistered;
import static org.makerspace.projections.support.TestEvents.registered;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachinePutOutOfService;
import org.makerspace.ledger.lab.api.MachineRequirementChanged;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.OpeningHours;
import org.makerspace.ledger.lab.api.OpeningHoursSet;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MemberCardLinked;
import org.makerspace.ledger.member.api.MemberCardUnlinked;
import org.makerspace.ledger.member.api.MemberSuspended;

/** The access list by card that controllers keep, folded from events into a model without storage. */
class CardAllowlistsTest {

    private static final CertificationScope LASERS = new CertificationScope.MachineFamily(MachineType.LASER_CUTTER);
    private static final String ADA_CARD = "cf2_" + "0a".repeat(32);
    private static final String ADA_SPARE = "cf2_" + "0b".repeat(32);
    private static final String BEN_CARD = "cf2_" + "0c".repeat(32);

    private final AccessModel model = new AccessModel(Duration.ofMinutes(15));
    private final CardAllowlists allowlists = new CardAllowlists(model);

    @BeforeEach
    void aLaserWithAdaAutonomousOnTwoCardsAndBenSupervisedForAMonth() {
        model.apply(laserRegistered());
        model.apply(printerRegistered());
        model.apply(registered(ADA));
        model.apply(registered(BEN));
        model.apply(certification(ADA, "cert-ada", LASERS, CertificationLevel.AUTONOMOUS, new ExpiryRule.Never(), T0));
        model.apply(certification(BEN, "cert-ben", LASERS, CertificationLevel.SUPERVISED,
                                  new ExpiryRule.OnDate(days(30)), T0));
        model.apply(new MemberCardLinked(ADA, ADA_CARD, T0));
        model.apply(new MemberCardLinked(ADA, ADA_SPARE, T0));
        model.apply(new MemberCardLinked(BEN, BEN_CARD, T0));
    }

    private List<CardAllowlists.CardEntry> laserAt(Instant at) {
        return allowlists.of(LASER, at).orElseThrow().entries();
    }

    @Test
    void listsEveryCardOfEveryEntitledMemberWithLevelAndEnd() {
        assertThat(laserAt(days(1))).containsExactly(
                new CardAllowlists.CardEntry(ADA_CARD, ADA, CertificationLevel.AUTONOMOUS, null),
                new CardAllowlists.CardEntry(ADA_SPARE, ADA, CertificationLevel.AUTONOMOUS, null),
                new CardAllowlists.CardEntry(BEN_CARD, BEN, CertificationLevel.SUPERVISED, days(30)));
        assertThat(allowlists.of(PRINTER, days(1)).orElseThrow().entries()).isEmpty();
        assertThat(allowlists.of(MachineId.of("nowhere"), days(1))).isEmpty();
    }

    @Test
    void aMemberWithoutACardHasNoEntry() {
        model.apply(new MemberCardUnlinked(BEN, BEN_CARD, "lost", days(1)));

        assertThat(laserAt(days(2))).extracting(CardAllowlists.CardEntry::memberId).containsOnly(ADA);
        assertThat(allowlists.whyNotListed(BEN_CARD, LASER, days(2))).isEqualTo(DenialReason.UNKNOWN_CARD);
    }

    @Test
    void saysWhyACardLeftTheList() {
        model.apply(new MachineCertificationRevoked(BEN, CertificationId.of("cert-ben"), "unsafe", days(1)));
        model.apply(new MemberSuspended(ADA, "unpaid", days(1)));

        assertThat(laserAt(days(2))).isEmpty();
        assertThat(allowlists.whyNotListed(BEN_CARD, LASER, days(2))).isEqualTo(DenialReason.REVOKED);
        assertThat(allowlists.whyNotListed(ADA_CARD, LASER, days(2))).isEqualTo(DenialReason.MEMBER_SUSPENDED);
        assertThat(allowlists.whyNotListed(ADA_CARD, PRINTER, days(2))).isEqualTo(DenialReason.MEMBER_SUSPENDED);
    }

    @Test
    void anEntryLeavesAtItsEndAsExpired() {
        assertThat(allowlists.entriesOf(BEN, LASER, days(30))).isEmpty();
        assertThat(allowlists.entriesOf(BEN, LASER, days(29))).hasSize(1);
        assertThat(allowlists.whyNotListed(BEN_CARD, LASER, days(30))).isEqualTo(DenialReason.EXPIRED);
    }

    @Test
    void theMachinesRequirementDecidesWhoIsListedAndUntilWhen() {
        model.apply(new MachineRequirementChanged(FABLAB, LASER, CertificationLevel.AUTONOMOUS, 3));

        Instant lapse = T0.atOffset(ZoneOffset.UTC).plusMonths(3).toInstant();

        assertThat(laserAt(days(1))).extracting(CardAllowlists.CardEntry::memberId, CardAllowlists.CardEntry::validUntil)
                .containsOnly(tuple(ADA, lapse));
        assertThat(allowlists.whyNotListed(BEN_CARD, LASER, days(1))).isEqualTo(DenialReason.LEVEL_TOO_LOW);
    }

    @Test
    void aMachineOutOfServiceListsNobodyAndCarriesItsEffectiveHours() {
        OpeningHours hours = new OpeningHours(ZoneId.of("Europe/Paris"), List.of(
                new OpeningHours.OpenPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0))));
        model.apply(new OpeningHoursSet(FABLAB, null, hours));
        model.apply(new MachinePutOutOfService(FABLAB, LASER, "lens cracked", days(1)));

        CardAllowlists.MachineCards laser = allowlists.of(LASER, days(2)).orElseThrow();

        assertThat(laser.entries()).isEmpty();
        assertThat(laser.openingHours()).isEqualTo(hours);
        assertThat(allowlists.entriesOf(ADA, LASER, days(2))).isEmpty();
        assertThat(allowlists.whyNotListed(ADA_CARD, LASER, days(2))).isEqualTo(DenialReason.MACHINE_OUT_OF_SERVICE);
    }
}
