package org.makerspace.controller.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.makerspace.machine.protocol.Allowlist;
import org.makerspace.machine.protocol.Level;
import org.makerspace.machine.protocol.OpeningHours;

/**
 * How a controller decides from its allowlist while the server is out of reach, in the order of docs/machines.md
 * ("Deciding offline"): past {@code expiresAt} everyone is refused (fail closed); then service, opening hours, the
 * card's entry and its end, supervision. A grant runs until the machine's longest session, cut at closing time and at
 * the entry's end. Pure: the clock and the last trainer's grant are given.
 */
final class OfflineRules {

    /** Denial codes of the controller's own, beside the server's. */
    static final String NO_ALLOWLIST = "no_allowlist";
    static final String ALLOWLIST_EXPIRED = "allowlist_expired";

    /**
     * The rules' answer. When granted: the level and the session's deadline with the reason the controller will end
     * it for; when denied: the reason.
     */
    record Verdict(boolean granted, String reason, Level level, Instant deadline, String deadlineReason) {

        static Verdict denied(String reason) {
            return new Verdict(false, reason, null, null, null);
        }
    }

    private OfflineRules() {
    }

    /**
     * @param held           what the controller holds, null if it never verified a document
     * @param card           the card's fingerprint
     * @param lastTrainerIn  when a TRAINER entry was last let in on this controller, null if never
     */
    static Verdict decide(HeldAllowlist held, String card, Instant now, Instant lastTrainerIn) {
        if (held == null) {
            return Verdict.denied(NO_ALLOWLIST);
        }
        Allowlist list = held.current();
        if (!now.isBefore(list.expiresAt())) {
            return Verdict.denied(ALLOWLIST_EXPIRED);
        }
        if (!list.inService()) {
            return Verdict.denied("machine_out_of_service");
        }
        if (list.openingHours() != null && !list.openingHours().isOpenAt(now)) {
            return Verdict.denied("outside_opening_hours");
        }
        Optional<Allowlist.Entry> found = list.entry(card);
        if (found.isEmpty()) {
            // A card the stream removed is refused for the reason the server gave; any other is unknown to the list.
            return Verdict.denied(held.removalReason(card).orElse("unknown_card"));
        }
        Allowlist.Entry entry = found.get();
        if (!entry.holdsAt(now)) {
            return Verdict.denied("expired");
        }
        if (entry.level() == Level.SUPERVISED && !supervised(list, now, lastTrainerIn)) {
            return Verdict.denied("supervision_required");
        }
        return granted(list, entry, now);
    }

    private static boolean supervised(Allowlist list, Instant now, Instant lastTrainerIn) {
        return lastTrainerIn != null && !now.isBefore(lastTrainerIn)
               && now.isBefore(lastTrainerIn.plus(Duration.ofMinutes(list.supervisionMinutes())));
    }

    /** The earliest of the three ends, named for what the controller reports when it comes. */
    private static Verdict granted(Allowlist list, Allowlist.Entry entry, Instant now) {
        Instant deadline = now.plus(Duration.ofMinutes(list.maxSessionMinutes()));
        String reason = SessionEndReasons.TIME_LIMIT;
        Instant closing = closingAfter(list.openingHours(), now, deadline);
        if (closing.isBefore(deadline)) {
            deadline = closing;
            reason = SessionEndReasons.CLOSING_TIME;
        }
        if (entry.validUntil() != null && entry.validUntil().isBefore(deadline)) {
            deadline = entry.validUntil();
            reason = SessionEndReasons.PERMISSION_REVOKED;
        }
        return new Verdict(true, null, entry.level(), deadline, reason);
    }

    /**
     * When the machine closes after {@code now}, or {@code limit} if it stays open that long (or has no hours).
     * Periods that follow on from each other (Friday until midnight, Saturday from midnight) count as one opening.
     */
    static Instant closingAfter(OpeningHours hours, Instant now, Instant limit) {
        if (hours == null) {
            return limit;
        }
        Instant at = now;
        while (at.isBefore(limit)) {
            Optional<Instant> end = endOfPeriodAround(hours, at);
            if (end.isEmpty() || !end.get().isAfter(at)) {
                return at;
            }
            at = end.get();
        }
        return limit;
    }

    /** The latest end among the periods open at {@code at}; empty when none is. */
    private static Optional<Instant> endOfPeriodAround(OpeningHours hours, Instant at) {
        ZoneId zone = hours.zone();
        ZonedDateTime local = at.atZone(zone);
        LocalDate today = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        Instant latest = null;
        for (OpeningHours.Period period : hours.periods()) {
            boolean midnight = period.closes().equals(LocalTime.MIDNIGHT);
            if (period.day() == local.getDayOfWeek() && !time.isBefore(period.opens())
                && (midnight || time.isBefore(period.closes()))) {
                Instant end = midnight ? today.plusDays(1).atStartOfDay(zone).toInstant()
                        : ZonedDateTime.of(today, period.closes(), zone).toInstant();
                if (latest == null || end.isAfter(latest)) {
                    latest = end;
                }
            }
        }
        return Optional.ofNullable(latest);
    }
}
