package org.makerspace.api.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.api.testing.LabHistory.awaitEveryProcessorCaughtUp;
import static org.makerspace.api.testing.LabHistory.client;
import static org.makerspace.api.testing.LabHistory.documents;
import static org.makerspace.api.testing.StandaloneApplications.ADMIN;
import static org.makerspace.api.testing.StandaloneApplications.ADMIN_PASSWORD;
import static org.makerspace.api.testing.StandaloneApplications.PASSWORD;
import static org.makerspace.api.testing.StandaloneApplications.login;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.makerspace.api.BadgesApplication;
import org.makerspace.api.testing.ApiClient;
import org.makerspace.api.testing.ChildApplication;
import org.makerspace.api.testing.LabHistory;
import org.makerspace.api.testing.StandaloneApplications;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar … rebuild <processor>|--all}: the operator stops the application, rebuilds from the command line,
 * watches the progress, and starts the application on read models identical to those before.
 */
class RebuildCommandIntegrationTest {

    @TempDir
    Path dataDir;

    private StandaloneApplications applications;

    @BeforeEach
    void withTheDemoLab() {
        applications = new StandaloneApplications(dataDir, "--server.port=0", "--ledger.demo.enabled=true",
                                                  "--ledger.demo.password=" + PASSWORD);
    }

    @AfterEach
    void stop() {
        applications.close();
    }

    @Test
    void theCommandRebuildsAProcessorThenAllShowingItsProgressAndTheDocumentsComeBackTheSame() {
        Map<String, List<String>> before = historyThenStop();

        Run award = rebuild("award-decisions");
        Run all = rebuild("--all");

        assertThat(award.exitCode()).as(award.output()).isEqualTo(RebuildCommand.DONE);
        assertThat(award.output()).containsPattern("award-decisions: [\\d,]+ / [\\d,]+ events \\(\\d+ %\\)")
                .contains("Rebuilt: award-decisions");
        assertThat(all.exitCode()).as(all.output()).isEqualTo(RebuildCommand.DONE);
        assertThat(all.output()).contains("passport: ", "issuance: ", "access: ", "done");
        ConfigurableApplicationContext again = applications.start(false);
        ApiClient api = client(again);
        awaitEveryProcessorCaughtUp(api, login(api, ADMIN, ADMIN_PASSWORD));
        assertThat(documents(again)).isEqualTo(before);
    }

    @Test
    void theEmbeddedStoreOfARunningApplicationIsLeftAlone() {
        applications.start(true);

        Run refused = rebuild("passport");

        assertThat(refused.exitCode()).isEqualTo(RebuildCommand.STORE_IN_USE);
        assertThat(refused.output()).contains("stop it, then rebuild");
    }

    @Test
    void anUnknownProcessorOrNoneIsAUsageError() {
        historyThenStop();

        Run unknown = rebuild("passports");
        Run none = new Run(RebuildCommand.run(new String[] {"--ledger.data-dir=" + dataDir}, BadgesApplication.class,
                                              new PrintStream(new ByteArrayOutputStream())), "");

        assertThat(unknown.exitCode()).isEqualTo(RebuildCommand.USAGE);
        assertThat(unknown.output()).contains("No processor 'passports'", "passport", "award-decisions");
        assertThat(none.exitCode()).isEqualTo(RebuildCommand.USAGE);
    }

    /** The real entry point, in a JVM of its own: {@code BadgesApplication rebuild <processor>} and its exit code. */
    @Test
    void theApplicationsMainRunsTheCommandAndExitsWithItsCode() throws Exception {
        historyThenStop();

        ChildApplication.Finished finished = ChildApplication.runToEnd(List.of(
                "rebuild", "catalog", "--ledger.mongodb.uri=", "--ledger.data-dir=" + dataDir));

        assertThat(finished.exitCode()).as(finished.output()).isEqualTo(0);
        assertThat(finished.output()).contains("catalog: ", "Rebuilt: catalog");
    }

    // ----------------------------------------------------------------

    private record Run(int exitCode, String output) {
    }

    /** The demo lab and a lab of the test's, everything caught up, then a quiet stop; the documents it left. */
    private Map<String, List<String>> historyThenStop() {
        ConfigurableApplicationContext context = applications.start(true);
        ApiClient api = client(context);
        String platform = login(api, ADMIN, ADMIN_PASSWORD);
        LabHistory.recordHistory(api, platform);
        awaitEveryProcessorCaughtUp(api, platform);
        Map<String, List<String>> documents = documents(context);
        applications.stopOldest();
        return documents;
    }

    private Run rebuild(String target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = RebuildCommand.run(new String[] {target, "--ledger.mongodb.uri=", "--ledger.data-dir=" + dataDir,
                                                    "--ledger.demo.enabled=false"},
                                      BadgesApplication.class, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }
}
