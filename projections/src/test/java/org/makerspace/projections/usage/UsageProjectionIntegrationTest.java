package org.makerspace.projections.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.makerspace.projections.support.TestEvents.ADA;
import static org.makerspace.projections.support.TestEvents.BEN;
import static org.makerspace.projections.support.TestEvents.FABLAB;
import static org.makerspace.projections.support.TestEvents.LASER;
import static org.makerspace.projections.support.TestEvents.PRINTER;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.session.api.MachineSessionEnded;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.ledger.session.api.SessionEndReason;
import org.makerspace.ledger.session.api.SessionId;
import org.makerspace.projections.support.ObservedStorage;
import org.makerspace.projections.support.StoredDocuments;

class UsageProjectionIntegrationTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final YearMonth APRIL = YearMonth.of(2026, 4);

    private ObservedStorage observed;
    private UsageProjection usage;

    @BeforeEach
    void freshStorage() {
        observed = ObservedStorage.open("usage");
        usage = new UsageProjection(observed.storage());
    }

    @AfterEach
    void close() {
        observed.close();
    }

    private static MachineSessionStarted started(String session, MemberId member, String at, boolean offline) {
        return new MachineSessionStarted(SessionId.of(session), FABLAB, LASER, member, Instant.parse(at), offline);
    }

    private static MachineSessionEnded ended(String session, MemberId member, String at, Integer minutes, Long wh) {
        return new MachineSessionEnded(SessionId.of(session), FABLAB, LASER, member, Instant.parse(at),
                                       SessionEndReason.FINISHED, minutes, wh);
    }

    private MachineUsage laserFromMarchToApril() {
        return usage.find(new FindMachineUsage(FABLAB, LASER, MARCH, APRIL));
    }

    @Test
    void sumsTheSessionsOfEachMonthByStart() {
        usage.on(started("s.1", ADA, "2026-03-02T10:00:00Z", false));
        usage.on(ended("s.1", ADA, "2026-03-02T10:45:00Z", 42, 300L));
        usage.on(started("s.2", ADA, "2026-03-05T10:00:00Z", true));
        usage.on(ended("s.2", ADA, "2026-03-05T10:30:00Z", null, null));
        usage.on(started("s.3", BEN, "2026-03-31T23:30:00Z", false));
        usage.on(ended("s.3", BEN, "2026-04-01T00:20:00Z", null, 100L));
        usage.on(started("s.4", BEN, "2026-04-02T09:00:00Z", false));

        MachineUsage laser = laserFromMarchToApril();

        assertThat(laser.labId()).isEqualTo(FABLAB);
        assertThat(laser.months()).containsExactly(
                new MonthlyUsage(MARCH, 3, 3, 1, 2, 42 + 30 + 50, 400L),
                new MonthlyUsage(APRIL, 1, 0, 0, 1, 0, null));
    }

    @Test
    void anotherMachinesSessionsAreNotCounted() {
        usage.on(new MachineSessionStarted(SessionId.of("p-1"), FABLAB, PRINTER, ADA,
                                           Instant.parse("2026-03-02T10:00:00Z"), false));

        assertThat(laserFromMarchToApril().months()).isEmpty();
    }

    @Test
    void handlingTheSameEventsTwiceCountsThemOnce() {
        MachineSessionStarted start = started("s-1", ADA, "2026-03-02T10:00:00Z", false);
        MachineSessionEnded end = ended("s-1", ADA, "2026-03-02T10:45:00Z", 42, 300L);
        usage.on(start);
        usage.on(end);
        var once = StoredDocuments.readModels(observed.storage().database());

        usage.on(start);
        usage.on(end);

        assertThat(StoredDocuments.readModels(observed.storage().database())).isEqualTo(once);
        assertThat(laserFromMarchToApril().months()).containsExactly(new MonthlyUsage(MARCH, 1, 1, 0, 1, 42, 300L));
    }

    @Test
    void refusesAnInvertedOrTooLongRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FindMachineUsage(FABLAB, LASER, APRIL, MARCH));
        assertThatIllegalArgumentException().isThrownBy(() -> new FindMachineUsage(FABLAB, LASER, MARCH, MARCH.plusYears(6)));
    }
}
