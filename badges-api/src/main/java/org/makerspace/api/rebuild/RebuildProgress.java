package org.makerspace.api.rebuild;

import java.time.Instant;

/**
 * Where a processor's rebuild stands: events handled of those in the ledger when it started, the rate so far, and the
 * time left at that rate ({@code null} until there is a rate). {@code finishedAt} is set once the processor caught up
 * with the ledger as it stood at the start.
 */
public record RebuildProgress(String processor, Instant startedAt, long total, long done, Double eventsPerSecond,
                              Long secondsLeft, Instant finishedAt) {

    public boolean finished() {
        return finishedAt != null;
    }

    /** A line for a terminal: "award: 1,240 / 5,000 events (24 %), 310 events/s, 12 s left". */
    public String line() {
        long percent = total == 0 ? 100 : Math.min(100, done * 100 / total);
        StringBuilder line = new StringBuilder(String.format("%s: %,d / %,d events (%d %%)", processor, done, total,
                                                             percent));
        if (eventsPerSecond != null) {
            line.append(String.format(", %,.0f events/s", eventsPerSecond));
        }
        if (finished()) {
            line.append(", done");
        } else if (secondsLeft != null) {
            line.append(String.format(", %d s left", secondsLeft));
        }
        return line.toString();
    }
}
