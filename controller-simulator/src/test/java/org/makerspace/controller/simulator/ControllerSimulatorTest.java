package org.makerspace.controller.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.makerspace.machine.protocol.Allowlist;
import org.makerspace.machine.protocol.Level;

/** The command line as documented: flags (or the environment for the secrets), then commands on standard input. */
class ControllerSimulatorTest {

    private static final byte[] CARD_KEY = "the fablab's card key, 32 bytes".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path state;

    @Test
    void aScriptOnStandardInputTapsStopsAndReports() throws IOException {
        try (FakeLedgerServer server = new FakeLedgerServer("fablab-x", "laser-1", "https://ledger.example")) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            server.publish(new Allowlist("fablab-x", "laser-1", 1, now, now.plusSeconds(3600), true, 120, 15, null,
                                         List.of(new Allowlist.Entry(new CardHasher(CARD_KEY).fingerprint("04a2b3c4"),
                                                                     Level.AUTONOMOUS, null))));
            server.accessAnswer = Map.of("decision", "granted", "sessionId", "s-9", "level", "autonomous",
                                         "maxSessionMinutes", 120);
            String script = "# a member's visit\ntap 04:A2:B3:C4\nstop\nstatus\ntap nonsense\nquit\n";
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int status = ControllerSimulator.run(
                    new String[] {"--server", server.url(), "--machine", "laser-1", "--state", state.toString()},
                    new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                    Map.of("CONTROLLER_MACHINE_KEY", "mk_test",
                           "CONTROLLER_CARD_KEY", Base64.getEncoder().encodeToString(CARD_KEY)));

            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(status).isZero();
            assertThat(printed).contains("granted online session=s-9 level=autonomous maxSessionMinutes=120")
                    .contains("ended session=s-9 reason=finished minutes=0")
                    .contains("allowlist: version 1, 1 cards, lab fablab-x")
                    .contains("error: a card UID is 4 to 32 bytes")
                    .doesNotContain("04a2b3c4").doesNotContain("04:A2:B3:C4");
        }
    }

    @Test
    void aMissingFlagIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ControllerSimulator.run(new String[] {"--server", "http://localhost:8080"},
                                             new ByteArrayInputStream(new byte[0]), System.out,
                                             new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--machine is required").contains("usage:");
    }
}
