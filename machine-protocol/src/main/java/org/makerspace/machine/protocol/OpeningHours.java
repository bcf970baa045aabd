package org.makerspace.machine.protocol;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When a machine may be used, as a controller checks it offline: weekly periods on the wall clock of {@code zone}
 * (daylight saving is the zone's business), each opening at {@code opens} (inclusive) and closing at {@code closes}
 * (exclusive; {@code 00:00} closes at midnight). No periods: closed all week. The same shape as the API's
 * {@code PUT .../opening-hours} body.
 */
public record OpeningHours(ZoneId zone, List<Period> periods) {

    public record Period(DayOfWeek day, LocalTime opens, LocalTime closes) {

        public Period {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(opens, "opens");
            Objects.requireNonNull(closes, "closes");
        }

        boolean contains(DayOfWeek today, LocalTime time) {
            return day == today && !time.isBefore(opens) && (closes.equals(LocalTime.MIDNIGHT) || time.isBefore(closes));
        }
    }

    public OpeningHours {
        Objects.requireNonNull(zone, "zone");
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    public boolean isOpenAt(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return periods.stream().anyMatch(period -> period.contains(local.getDayOfWeek(), local.toLocalTime()));
    }

    Map<String, Object> toJson() {
        List<Map<String, Object>> written = new ArrayList<>(periods.size());
        for (Period period : periods) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("day", period.day().name());
            json.put("opens", period.opens().toString());
            json.put("closes", period.closes().toString());
            written.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("zone", zone.getId());
        json.put("periods", written);
        return json;
    }

    /** Absent (null) reads as null: always open. */
    static OpeningHours fromJson(Map<String, Object> json) {
        if (json == null) {
            return null;
        }
        try {
            List<Period> periods = new ArrayList<>();
            for (Map<String, Object> period : Json.objects(json, "periods")) {
                periods.add(new Period(DayOfWeek.valueOf(Json.string(period, "day")),
                                       LocalTime.parse(Json.string(period, "opens")),
                                       LocalTime.parse(Json.string(period, "closes"))));
            }
            return new OpeningHours(ZoneId.of(Json.string(json, "zone")), periods);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("openingHours: " + e.getMessage(), e);
        }
    }
}
