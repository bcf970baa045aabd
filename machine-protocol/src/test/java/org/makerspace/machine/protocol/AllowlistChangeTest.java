package org.makerspace.machine.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a controller keeps its list current from the stream's changes, and notices when it missed one. */
class AllowlistChangeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String KEPT = "cf2_" + "01".repeat(32);
    private static final String REVOKED = "cf2_" + "ab".repeat(32);
    private static final String NEW = "cf2_" + "cd".repeat(32);

    private final Allowlist held = AllowlistVerifierTest.allowlist("laser-1", NOW.plus(Duration.ofDays(1)));

    @Test
    void aChangeRemovesReplacesAndAddsCardsAndCarriesTheSettings() {
        OpeningHours closed = new OpeningHours(ZoneId.of("Europe/Paris"), List.of());
        AllowlistChange change = new AllowlistChange("laser-1", 8, 7, true, 60, closed,
                                                     List.of(new AllowlistChange.Removal(REVOKED, "revoked")),
                                                     List.of(new Allowlist.Entry(NEW, Level.TRAINER, null),
                                                             new Allowlist.Entry(KEPT, Level.AUTONOMOUS, null)));

        Allowlist after = change.applyTo(held).orElseThrow();

        assertThat(after.version()).isEqualTo(8);
        assertThat(after.entries()).extracting(Allowlist.Entry::card).containsExactly(KEPT, NEW);
        assertThat(after.entry(KEPT)).map(Allowlist.Entry::level).contains(Level.AUTONOMOUS);
        assertThat(after.maxSessionMinutes()).isEqualTo(60);
        assertThat(after.openingHours()).isEqualTo(closed);
        assertThat(after.expiresAt()).as("only a signed document extends offline use").isEqualTo(held.expiresAt());
    }

    @Test
    void aGapAsksForTheDocumentAndAnOldChangeIsIgnored() {
        AllowlistChange afterAGap = new AllowlistChange("laser-1", 10, 9, true, 120, null, List.of(), List.of());
        AllowlistChange alreadyIn = new AllowlistChange("laser-1", 7, 6, false, 120, null, List.of(), List.of());

        assertThat(afterAGap.applyTo(held)).isEmpty();
        assertThat(alreadyIn.applyTo(held)).contains(held);
    }

    @Test
    void eventsReadBackAsWritten() {
        AllowlistChange change = new AllowlistChange("laser-1", 8, 7, false, 120, null,
                                                     List.of(new AllowlistChange.Removal(REVOKED,
                                                                                         "machine_out_of_service")),
                                                     List.of(new Allowlist.Entry(NEW, Level.SUPERVISED, NOW)));
        CurrentAllowlist current = new CurrentAllowlist("laser-1", 8, "\"abc\"", NOW, NOW.plusSeconds(60), 3);

        assertThat(AllowlistChange.fromJson(change.toJson())).isEqualTo(change);
        assertThat(CurrentAllowlist.fromJson(current.toJson())).isEqualTo(current);
    }
}
