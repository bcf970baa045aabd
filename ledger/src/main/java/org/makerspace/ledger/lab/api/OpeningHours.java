package org.makerspace.ledger.lab.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A weekly timetable in the lab's time zone: the periods a lab or a machine is open, each within one day. Daylight
 * saving is the zone's business: "09:00" stays 09:00 on the wall clock all year.
 */
public record OpeningHours(ZoneId zone, List<OpenPeriod> periods) {

    /** Open on {@code day} from {@code opens} (inclusive) to {@code closes} (exclusive); {@code 00:00} closes at midnight. */
    public record OpenPeriod(DayOfWeek day, LocalTime opens, LocalTime closes) {

        public OpenPeriod {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(opens, "opens");
            Objects.requireNonNull(closes, "closes");
            if (!closes.equals(LocalTime.MIDNIGHT) && !opens.isBefore(closes)) {
                throw new IllegalArgumentException("an opening period must open before it closes, but " + day
                                                   + " opens at " + opens + " and closes at " + closes);
            }
        }

        boolean contains(LocalTime time) {
            return !time.isBefore(opens) && (closes.equals(LocalTime.MIDNIGHT) || time.isBefore(closes));
        }

        boolean overlaps(OpenPeriod other) {
            return day == other.day && other.opens.isBefore(endOfDay(closes)) && opens.isBefore(endOfDay(other.closes));
        }

        private static LocalTime endOfDay(LocalTime closes) {
            return closes.equals(LocalTime.MIDNIGHT) ? LocalTime.MAX : closes;
        }
    }

    public OpeningHours {
        Objects.requireNonNull(zone, "zone");
        periods = periods == null ? List.of() : List.copyOf(periods);
        List<OpenPeriod> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(OpenPeriod::day).thenComparing(OpenPeriod::opens));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new IllegalArgumentException("opening periods overlap: " + sorted.get(i - 1) + " and "
                                                   + sorted.get(i));
            }
        }
    }

    /** Whether it is open at {@code at}. */
    public boolean isOpenAt(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return periods.stream().anyMatch(period -> period.day() == local.getDayOfWeek()
                                                   && period.contains(local.toLocalTime()));
    }

    /**
     * When it closes next, if it is open at {@code at}; a period closing at midnight followed by one opening at
     * midnight the next day is one stretch, looked ahead at most a week.
     */
    public Optional<Instant> closesAfter(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        Optional<OpenPeriod> current = periodAt(local);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        OpenPeriod period = current.get();
        ZonedDateTime closing = local.toLocalDate().atTime(period.closes()).atZone(zone);
        for (int days = 0; days < 7 && period.closes().equals(LocalTime.MIDNIGHT); days++) {
            closing = local.toLocalDate().plusDays(days + 1L).atStartOfDay(zone);
            Optional<OpenPeriod> next = periodAt(closing);
            if (next.isEmpty()) {
                break;
            }
            period = next.get();
            if (!period.closes().equals(LocalTime.MIDNIGHT)) {
                closing = closing.toLocalDate().atTime(period.closes()).atZone(zone);
            }
        }
        if (!closing.toInstant().isAfter(at)) {
            // a closing time in the hour repeated when clocks go back: the later of its two instants
            closing = closing.withLaterOffsetAtOverlap();
        }
        return Optional.of(closing.toInstant());
    }

    private Optional<OpenPeriod> periodAt(ZonedDateTime local) {
        return periods.stream()
                .filter(period -> period.day() == local.getDayOfWeek() && period.contains(local.toLocalTime()))
                .findFirst();
    }
}
