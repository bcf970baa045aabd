package org.makerspace.projections.usage;

import java.time.YearMonth;

/**
 * A machine's use in one month (UTC, by session start): sessions started, ended, decided offline by the
 * controller, distinct members, minutes of use of the ended sessions, and energy where the controller measures it
 * ({@code energyWh} null when no session of the month reported any).
 */
public record MonthlyUsage(YearMonth month, int sessions, int endedSessions, int offlineSessions, int members,
                           long minutes, Long energyWh) {
}
