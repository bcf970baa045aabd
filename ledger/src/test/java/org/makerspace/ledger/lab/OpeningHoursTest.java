package org.makerspace.ledger.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.common.LedgerJson;
import org.makerspace.ledger.lab.api.OpeningHours;
import org.makerspace.ledger.lab.api.OpeningHours.OpenPeriod;

class OpeningHoursTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Tuesday to Saturday 10:00-19:00; Friday nights until 02:00 Saturday. */
    private static final OpeningHours WEEK = new OpeningHours(PARIS, List.of(
            new OpenPeriod(DayOfWeek.TUESDAY, LocalTime.of(10, 0), LocalTime.of(19, 0)),
            new OpenPeriod(DayOfWeek.FRIDAY, LocalTime.of(10, 0), LocalTime.MIDNIGHT),
            new OpenPeriod(DayOfWeek.SATURDAY, LocalTime.MIDNIGHT, LocalTime.of(2, 0)),
            new OpenPeriod(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(19, 0))));

    @Test
    void isOpenWithinAPeriodInTheLabsZone() {
        // 2026-03-03 is a Tuesday; Paris is UTC+1 in March
        assertThat(WEEK.isOpenAt(Instant.parse("2026-03-03T09:00:00Z"))).isTrue();
        assertThat(WEEK.isOpenAt(Instant.parse("2026-03-03T08:59:59Z"))).isFalse();
        assertThat(WEEK.isOpenAt(Instant.parse("2026-03-03T18:00:00Z"))).isFalse();
        assertThat(WEEK.isOpenAt(Instant.parse("2026-03-02T12:00:00Z"))).isFalse();
    }

    @Test
    void followsDaylightSavingOnTheWallClock() {
        // 2026-07-07 is a Tuesday; Paris is UTC+2 in July
        assertThat(WEEK.isOpenAt(Instant.parse("2026-07-07T08:00:00Z"))).isTrue();
        assertThat(WEEK.isOpenAt(Instant.parse("2026-07-07T07:59:00Z"))).isFalse();
    }

    @Test
    void closesAtTheEndOfTheCurrentPeriod() {
        assertThat(WEEK.closesAfter(Instant.parse("2026-03-03T12:00:00Z")))
                .contains(Instant.parse("2026-03-03T18:00:00Z"));
        assertThat(WEEK.closesAfter(Instant.parse("2026-03-03T19:00:00Z"))).isEmpty();
    }

    @Test
    void aPeriodUntilMidnightRunsOnIntoTheNextDaysPeriodFromMidnight() {
        // Friday 2026-03-06 22:00 Paris
        assertThat(WEEK.isOpenAt(Instant.parse("2026-03-06T21:00:00Z"))).isTrue();
        assertThat(WEEK.closesAfter(Instant.parse("2026-03-06T21:00:00Z")))
                .contains(Instant.parse("2026-03-07T01:00:00Z"));
    }

    @Test
    void noPeriodsMeansNeverOpen() {
        OpeningHours closed = new OpeningHours(PARIS, List.of());

        assertThat(closed.isOpenAt(Instant.parse("2026-03-03T12:00:00Z"))).isFalse();
    }

    @Test
    void refusesOverlappingPeriods() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OpeningHours(PARIS, List.of(
                new OpenPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new OpenPeriod(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(18, 0)))))
                .withMessageContaining("overlap");
    }

    @Test
    void refusesAPeriodClosingBeforeItOpens() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new OpenPeriod(DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .withMessage("an opening period must open before it closes, but MONDAY opens at 18:00 and closes "
                             + "at 09:00");
    }

    @Test
    void survivesTheEventSerialiser() throws Exception {
        var mapper = LedgerJson.eventMapper();

        String json = mapper.writeValueAsString(WEEK);

        assertThat(json).contains("\"zone\":\"Europe/Paris\"").contains("\"opens\":\"10:00:00\"");
        assertThat(mapper.readValue(json, OpeningHours.class)).isEqualTo(WEEK);
    }

    @Test
    void aClosingTimeInTheRepeatedHourIsItsLaterInstantWhenTheEarlierHasPassed() {
        // 2026-10-25: clocks go back in Paris at 03:00 CEST to 02:00 CET; open Sunday 00:00-02:30
        OpeningHours sundayNight = new OpeningHours(PARIS, List.of(
                new OpenPeriod(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.of(2, 30))));
        Instant secondPass = Instant.parse("2026-10-25T01:15:00Z"); // 02:15 CET

        assertThat(sundayNight.closesAfter(secondPass)).contains(Instant.parse("2026-10-25T01:30:00Z"));
    }
}
