package org.makerspace.machine.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opening hours as a controller reads them offline: the lab's wall clock, closing excluded, 00:00 as midnight. */
class OpeningHoursTest {

    private final OpeningHours hours = new OpeningHours(ZoneId.of("Europe/Paris"), List.of(
            new OpeningHours.Period(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)),
            new OpeningHours.Period(DayOfWeek.FRIDAY, LocalTime.of(20, 0), LocalTime.MIDNIGHT)));

    @Test
    void openOnTheLabsWallClockAcrossDaylightSaving() {
        assertThat(hours.isOpenAt(Instant.parse("2026-01-05T08:00:00Z"))).as("09:00 in winter").isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-07-06T07:00:00Z"))).as("09:00 in summer").isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-01-05T07:59:59Z"))).as("08:59 in winter").isFalse();
    }

    @Test
    void closingTimeIsExcludedAndMidnightClosesTheDay() {
        assertThat(hours.isOpenAt(Instant.parse("2026-01-05T17:00:00Z"))).as("18:00").isFalse();
        assertThat(hours.isOpenAt(Instant.parse("2026-01-09T22:59:59Z"))).as("23:59:59 on Friday").isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-01-09T23:00:00Z"))).as("Saturday 00:00").isFalse();
    }
}
