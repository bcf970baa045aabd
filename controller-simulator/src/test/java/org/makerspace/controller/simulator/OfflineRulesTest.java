package org.makerspace.controller.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.makerspace.machine.protocol.Allowlist;
import org.makerspace.machine.protocol.AllowlistChange;
import org.makerspace.machine.protocol.Level;
import org.makerspace.machine.protocol.OpeningHours;

/** The offline rules of docs/machines.md, one at a time, on lists held as a controller holds them. */
class OfflineRulesTest {

    /** A Monday, 10:00 in Paris. */
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String AUTONOMOUS = "cf2_" + "aa".repeat(32);
    private static final String SUPERVISED = "cf2_" + "bb".repeat(32);
    private static final String TRAINER = "cf2_" + "cc".repeat(32);
    private static final String ENDING = "cf2_" + "dd".repeat(32);
    private static final Instant ENDS = NOW.plus(Duration.ofMinutes(30));

    private static Allowlist list(boolean inService, OpeningHours hours, Instant expiresAt) {
        return new Allowlist("fablab-x", "laser-1", 7, NOW.minus(Duration.ofHours(1)), expiresAt, inService, 120, 15,
                             hours, List.of(new Allowlist.Entry(AUTONOMOUS, Level.AUTONOMOUS, null),
                                            new Allowlist.Entry(SUPERVISED, Level.SUPERVISED, null),
                                            new Allowlist.Entry(TRAINER, Level.TRAINER, null),
                                            new Allowlist.Entry(ENDING, Level.AUTONOMOUS, ENDS)));
    }

    private static HeldAllowlist held(Allowlist list) {
        return HeldAllowlist.of("not checked here", "\"e\"", list);
    }

    private static HeldAllowlist open() {
        return held(list(true, null, NOW.plus(Duration.ofHours(24))));
    }

    private static OfflineRules.Verdict decide(HeldAllowlist held, String card, Instant at) {
        return OfflineRules.decide(held, card, at, null);
    }

    @Test
    void aListedCardIsLetInUntilTheMachinesLongestSession() {
        OfflineRules.Verdict verdict = decide(open(), AUTONOMOUS, NOW);

        assertThat(verdict.granted()).isTrue();
        assertThat(verdict.level()).isEqualTo(Level.AUTONOMOUS);
        assertThat(verdict.deadline()).isEqualTo(NOW.plus(Duration.ofMinutes(120)));
        assertThat(verdict.deadlineReason()).isEqualTo("time_limit");
    }

    @Test
    void pastItsExpiryTheListRefusesEveryoneEvenTheTrainer() {
        HeldAllowlist expired = held(list(true, null, NOW));

        assertThat(decide(expired, TRAINER, NOW).reason()).isEqualTo("allowlist_expired");
        assertThat(decide(expired, AUTONOMOUS, NOW.plusSeconds(1)).reason()).isEqualTo("allowlist_expired");
        assertThat(decide(expired, AUTONOMOUS, NOW.minusMillis(1)).granted()).isTrue();
    }

    @Test
    void withoutAnyListEveryoneIsRefused() {
        assertThat(decide(null, TRAINER, NOW).reason()).isEqualTo("no_allowlist");
    }

    @Test
    void aMachineOutOfServiceRefusesEveryone() {
        assertThat(decide(held(list(false, null, NOW.plus(Duration.ofHours(1)))), TRAINER, NOW).reason())
                .isEqualTo("machine_out_of_service");
    }

    @Test
    void outsideOpeningHoursEveryoneIsRefused() {
        OpeningHours mondayAfternoon = new OpeningHours(PARIS, List.of(
                new OpeningHours.Period(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(18, 0))));

        assertThat(decide(held(list(true, mondayAfternoon, NOW.plus(Duration.ofHours(24)))), AUTONOMOUS, NOW)
                           .reason()).isEqualTo("outside_opening_hours");
    }

    @Test
    void aSessionIsCutAtClosingTimeAcrossPeriodsThatFollowOnFromEachOther() {
        // Open Monday 09:00-10:30, then 10:30-10:45: one opening, closing at 10:45 Paris time.
        OpeningHours hours = new OpeningHours(PARIS, List.of(
                new OpeningHours.Period(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 30)),
                new OpeningHours.Period(DayOfWeek.MONDAY, LocalTime.of(10, 30), LocalTime.of(10, 45))));

        OfflineRules.Verdict verdict = decide(held(list(true, hours, NOW.plus(Duration.ofHours(24)))), AUTONOMOUS,
                                              NOW);

        assertThat(verdict.deadline()).isEqualTo(NOW.plus(Duration.ofMinutes(45)));
        assertThat(verdict.deadlineReason()).isEqualTo("closing_time");
    }

    @Test
    void aSessionOpenUntilMidnightIsNotCutBeforeIt() {
        Instant late = Instant.parse("2026-11-23T22:30:00Z"); // 23:30 in Paris
        OpeningHours hours = new OpeningHours(PARIS, List.of(
                new OpeningHours.Period(DayOfWeek.MONDAY, LocalTime.of(20, 0), LocalTime.MIDNIGHT)));

        assertThat(OfflineRules.closingAfter(hours, late, late.plus(Duration.ofHours(2))))
                .isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
    }

    @Test
    void aSessionIsCutWhenTheCardsEntryEnds() {
        OfflineRules.Verdict verdict = decide(open(), ENDING, NOW);

        assertThat(verdict.deadline()).isEqualTo(ENDS);
        assertThat(verdict.deadlineReason()).isEqualTo("permission_revoked");
    }

    @Test
    void anEntryPastItsEndIsRefusedAsExpired() {
        assertThat(decide(open(), ENDING, ENDS).reason()).isEqualTo("expired");
    }

    @Test
    void aCardNotListedIsUnknown() {
        assertThat(decide(open(), "cf2_" + "ee".repeat(32), NOW).reason()).isEqualTo("unknown_card");
    }

    @Test
    void aCardTheStreamRemovedIsRefusedForTheReasonItGave() {
        HeldAllowlist held = open();
        AllowlistChange revoked = new AllowlistChange("laser-1", 8, 7, true, 120, null,
                                                      List.of(new AllowlistChange.Removal(AUTONOMOUS, "revoked")),
                                                      List.of());

        HeldAllowlist after = held.with(revoked).orElseThrow();

        assertThat(decide(after, AUTONOMOUS, NOW).reason()).isEqualTo("revoked");
        assertThat(after.current().version()).isEqualTo(8);
        assertThat(after.current().expiresAt()).as("a change does not extend the list")
                .isEqualTo(held.current().expiresAt());
    }

    @Test
    void aSupervisedCardIsLetInOnlyWithinTheWindowAfterATrainer() {
        HeldAllowlist held = open();

        assertThat(OfflineRules.decide(held, SUPERVISED, NOW, null).reason()).isEqualTo("supervision_required");
        assertThat(OfflineRules.decide(held, SUPERVISED, NOW, NOW.minus(Duration.ofMinutes(14))).granted()).isTrue();
        assertThat(OfflineRules.decide(held, SUPERVISED, NOW, NOW.minus(Duration.ofMinutes(15))).reason())
                .isEqualTo("supervision_required");
    }
}
