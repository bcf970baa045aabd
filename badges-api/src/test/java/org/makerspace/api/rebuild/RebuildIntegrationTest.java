package org.makerspace.api.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.makerspace.api.testing.LabHistory.MACHINE;
import static org.makerspace.api.testing.LabHistory.MEMBER;
import static org.makerspace.api.testing.LabHistory.access;
import static org.makerspace.api.testing.LabHistory.awaitEveryProcessorCaughtUp;
import static org.makerspace.api.testing.LabHistory.client;
import static org.makerspace.api.testing.LabHistory.documents;
import static org.makerspace.api.testing.LabHistory.port;
import static org.makerspace.api.testing.LabHistory.recordHistory;
import static org.makerspace.api.testing.StandaloneApplications.ADMIN;
import static org.makerspace.api.testing.StandaloneApplications.ADMIN_PASSWORD;
import static org.makerspace.api.testing.StandaloneApplications.PASSWORD;
import static org.makerspace.api.testing.StandaloneApplications.login;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.makerspace.api.testing.ApiClient;
import org.makerspace.api.testing.LabHistory.History;
import org.makerspace.api.testing.LabHistory;
import org.makerspace.api.testing.Reply;
import org.makerspace.api.testing.SseClient;
import org.makerspace.api.testing.StandaloneApplications;
import org.makerspace.ledger.storage.LedgerStorage;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Rebuilding read models from the ledger while the application runs: each processor alone, then all together, gives
 * back every document as it was; a connected controller is not sent the ledger's history change by change; only the
 * platform admin may look or ask; and a processor another node holds is not rebuilt from here.
 */
class RebuildIntegrationTest {

    private static final Duration REBUILT_WITHIN = LabHistory.CAUGHT_UP_WITHIN;

    @TempDir
    Path dataDir;
    @TempDir
    Path secondNodeDir;

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
    void eachProcessorRebuiltAloneThenAllTogetherGivesBackEveryDocument() {
        ConfigurableApplicationContext context = applications.start(true);
        ApiClient api = client(context);
        String platform = login(api, ADMIN, ADMIN_PASSWORD);
        History history = recordHistory(api, platform);
        awaitEveryProcessorCaughtUp(api, platform);
        Map<String, List<String>> before = documents(context);
        List<String> names = new ArrayList<>();
        api.get("/api/admin/processors", platform).body().forEach(processor -> names.add(processor.path("name").asText()));
        assertThat(names).contains("access", "award", "award-decisions", "catalog", "imported-credentials", "issuance",
                                   "passport", "trusted-partners", "usage");

        for (String name : names) {
            Reply started = api.post("/api/admin/processors/" + name + "/rebuild", platform, Map.of());
            assertThat(started.status()).as("rebuild of %s: %s", name, started.body()).isEqualTo(202);
            assertThat(started.body().path("total").asLong()).isPositive();
            awaitRebuilt(api, platform, name);
            assertThat(documents(context)).as("every document after rebuilding %s alone", name).isEqualTo(before);
        }
        Reply all = api.post("/api/admin/processors/rebuild", platform, Map.of());
        assertThat(all.status()).isEqualTo(202);
        assertThat(all.body()).hasSameSizeAs(names);
        names.forEach(name -> awaitRebuilt(api, platform, name));
        assertThat(documents(context)).as("every document after rebuilding all together").isEqualTo(before);
        assertThat(access(api, history.machineKey()).text("decision")).isEqualTo("granted");
    }

    /**
     * The laser's controller holds its stream while machine access is rebuilt: the history it replays (Marie
     * certified, her card linked, suspended, reinstated) is not sent to it change by change. It gets nothing, since
     * the state at the end is the one it has; the next change after the rebuild reaches it as usual.
     */
    @Test
    void aControllerConnectedDuringARebuildIsNotSentTheLedgersHistory() {
        ConfigurableApplicationContext context = applications.start(true);
        ApiClient api = client(context);
        String platform = login(api, ADMIN, ADMIN_PASSWORD);
        History history = recordHistory(api, platform);
        awaitEveryProcessorCaughtUp(api, platform);
        try (SseClient stream = SseClient.open(port(context), "/api/machines/" + MACHINE + "/stream",
                                               history.machineKey())) {
            stream.next("allowlist", Duration.ofSeconds(10));

            assertThat(api.post("/api/admin/processors/access/rebuild", platform, Map.of()).status()).isEqualTo(202);
            awaitRebuilt(api, platform, "access");

            assertThatThrownBy(() -> stream.next("change", Duration.ofSeconds(2)))
                    .as("a change pushed by the rebuild").isInstanceOf(AssertionError.class);
            assertThat(api.post("/api/members/" + MEMBER + "/certifications/" + MEMBER + "-cert/suspension",
                                history.trainer(), Map.of("reason", "left the cutter running")).status())
                    .isEqualTo(204);
            assertThat(stream.next("change", Duration.ofSeconds(10)).data()).contains("suspended");
        }
    }

    @Test
    void onlyThePlatformAdminMayLookAtOrRebuildProcessors() {
        applications = new StandaloneApplications(dataDir, "--server.port=0");
        ConfigurableApplicationContext context = applications.start(true);
        ApiClient api = client(context);
        String platform = login(api, ADMIN, ADMIN_PASSWORD);
        History history = recordHistory(api, platform);

        for (String token : List.of(history.labAdmin(), history.trainer(), history.machineKey())) {
            assertThat(api.get("/api/admin/processors", token).status()).isEqualTo(403);
            assertThat(api.post("/api/admin/processors/award/rebuild", token, Map.of()).status()).isEqualTo(403);
            assertThat(api.post("/api/admin/processors/rebuild", token, Map.of()).status()).isEqualTo(403);
        }
        assertThat(api.get("/api/admin/processors", null).status()).isEqualTo(401);
        assertThat(api.post("/api/admin/processors/award/rebuild", null, Map.of()).status()).isEqualTo(401);
        Reply unknown = api.post("/api/admin/processors/no-such-processor/rebuild", platform, Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType().toString()).startsWith("application/problem+json");
    }

    /**
     * A second node on the same MongoDB (here, the first node's embedded server) holds half of the passport's segments.
     * A rebuild started on the first is refused while the second holds part of the processor: both would write the
     * read model, and the reset could not claim every segment. Once the second node stops, the rebuild goes ahead.
     */
    @Test
    void aRebuildIsRefusedWhileAnotherNodeHoldsPartOfTheProcessor() throws Exception {
        applications = new StandaloneApplications(dataDir, "--server.port=0");
        ConfigurableApplicationContext first = applications.start(true);
        ApiClient api = client(first);
        String platform = login(api, ADMIN, ADMIN_PASSWORD);
        awaitEveryProcessorCaughtUp(api, platform);
        String embedded = "mongodb://" + first.getBean(LedgerStorage.class).client().getClusterDescription()
                .getServerDescriptions().get(0).getAddress();
        StandaloneApplications secondNode = new StandaloneApplications(
                secondNodeDir, "--server.port=0", "--ledger.node-id=second-node", "--ledger.mongodb.uri=" + embedded,
                "--ledger.openbadges.master-key=" + base64(dataDir.resolve("secrets/master.key")),
                "--ledger.card-fingerprint-key=" + Files.readString(dataDir.resolve("secrets/card-fingerprint.key")).trim());
        try (secondNode) {
            secondNode.start(false);
            // A node keeps the segments it holds; the first lends half of the passport's to the second.
            StreamingEventProcessor passport = first.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("passport", StreamingEventProcessor.class).orElseThrow();
            for (int segment = 0; segment < 8; segment++) {
                passport.releaseSegment(segment, 20, TimeUnit.SECONDS);
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    api.get("/api/admin/processors/passport", platform).body().path("heldElsewhere")).isNotEmpty());

            Reply refused = api.post("/api/admin/processors/passport/rebuild", platform, Map.of());

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.text("type")).endsWith("/processor-claimed");
            assertThat(refused.text("detail")).contains("passport");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                api.post("/api/admin/processors/passport/rebuild", platform, Map.of()).status()).isEqualTo(202));
        awaitRebuilt(api, platform, "passport");
    }

    /** Until the processor's rebuild finished and every processor is caught up again. */
    static void awaitRebuilt(ApiClient api, String platform, String name) {
        await().atMost(REBUILT_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode rebuild = api.get("/api/admin/processors/" + name, platform).body().path("rebuild");
            assertThat(rebuild.path("finishedAt").isTextual()).as("rebuild of %s: %s", name, rebuild).isTrue();
            assertThat(rebuild.path("done").asLong()).isEqualTo(rebuild.path("total").asLong());
        });
        awaitEveryProcessorCaughtUp(api, platform);
    }

    private static String base64(Path file) throws java.io.IOException {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    }
}
