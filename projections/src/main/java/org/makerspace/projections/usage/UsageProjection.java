package org.makerspace.projections.usage;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.makerspace.ledger.session.api.MachineSessionEnded;
import org.makerspace.ledger.session.api.MachineSessionKey;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.RowCollection;

/**
 * Machine usage from the sessions controllers report: one document per machine and month holding its sessions by
 * id, and one per session saying which month it is in, so that its end (reported later, perhaps from an offline
 * queue) lands in the month it started. Totals are summed when asked: a month is a few thousand sessions at most.
 */
@ProcessingGroup(UsageProjection.PROCESSING_GROUP)
public class UsageProjection {

    public static final String PROCESSING_GROUP = "usage";
    static final String MONTHS = "usage_machine_months";
    static final String SESSIONS = "usage_sessions";

    private final RowCollection<MachineMonth> months;
    private final RowCollection<SessionMonth> sessions;

    public UsageProjection(LedgerStorage storage) {
        this.months = new RowCollection<>(storage, MONTHS, MachineMonth.class, MachineMonth::id);
        this.sessions = new RowCollection<>(storage, SESSIONS, SessionMonth.class, SessionMonth::key);
    }

    @QueryHandler
    public MachineUsage find(FindMachineUsage query) {
        List<MonthlyUsage> found = new ArrayList<>();
        for (YearMonth month = query.from(); !month.isAfter(query.to()); month = month.plusMonths(1)) {
            months.find(MachineMonth.id(query.labId(), query.machineId(), month))
                    .filter(row -> !row.sessions().isEmpty())
                    .ifPresent(row -> found.add(totals(row)));
        }
        return new MachineUsage(query.machineId(), query.labId(), found);
    }

    private static MonthlyUsage totals(MachineMonth row) {
        int ended = 0;
        int offline = 0;
        long minutes = 0;
        Long energy = null;
        Set<String> members = new HashSet<>();
        for (SessionUsage session : row.sessions()) {
            members.add(session.memberId().value());
            if (session.decidedOffline()) {
                offline++;
            }
            if (session.endedAt() != null) {
                ended++;
                minutes += session.minutes();
                if (session.energyWh() != null) {
                    energy = (energy == null ? 0 : energy) + session.energyWh();
                }
            }
        }
        return new MonthlyUsage(row.month(), row.sessions().size(), ended, offline, members.size(), minutes, energy);
    }

    @EventHandler
    void on(MachineSessionStarted event) {
        YearMonth month = YearMonth.from(event.startedAt().atOffset(ZoneOffset.UTC));
        String key = new MachineSessionKey(event.labId(), event.machineId(), event.sessionId()).toString();
        sessions.save(new SessionMonth(key, event.labId(), event.machineId(), month));
        MachineMonth row = months.find(MachineMonth.id(event.labId(), event.machineId(), month))
                .orElseGet(() -> MachineMonth.empty(event.machineId(), event.labId(), month));
        if (row.session(event.sessionId().value()).isEmpty()) {
            months.save(row.with(SessionUsage.started(event.sessionId().value(), event.memberId(), event.startedAt(),
                                                      event.decidedOffline())));
        }
    }

    @EventHandler
    void on(MachineSessionEnded event) {
        String key = new MachineSessionKey(event.labId(), event.machineId(), event.sessionId()).toString();
        SessionMonth where = sessions.find(key).orElse(null);
        if (where == null) {
            return; // an end without its start cannot be recorded by the ledger: nothing to count
        }
        months.find(MachineMonth.id(where.labId(), where.machineId(), where.month())).ifPresent(row -> row
                .session(event.sessionId().value())
                .ifPresent(started -> months.save(row.with(started.ended(event.endedAt(), event.reason(),
                                                                         event.minutes(), event.energyWh())))));
    }

    @ResetHandler
    void reset() {
        months.clear();
        sessions.clear();
    }
}
