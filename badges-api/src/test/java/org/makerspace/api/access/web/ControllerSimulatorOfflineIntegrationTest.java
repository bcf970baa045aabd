package org.makerspace.api.access.web;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.makerspace.api.testing.StandaloneApplications.ADMIN;
import static org.makerspace.api.testing.StandaloneApplications.ADMIN_PASSWORD;
import static org.makerspace.api.testing.StandaloneApplications.PASSWORD;
import static org.makerspace.api.testing.StandaloneApplications.createAccount;
import static org.makerspace.api.testing.StandaloneApplications.created;
import static org.makerspace.api.testing.StandaloneApplications.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.makerspace.api.testing.ApiClient;
import org.makerspace.api.testing.Reply;
import org.makerspace.api.testing.StandaloneApplications;
import org.makerspace.controller.simulator.Controller;
import org.makerspace.controller.simulator.ControllerSettings;
import org.makerspace.controller.simulator.Decision;
import org.makerspace.controller.simulator.SessionEnd;
import org.makerspace.controller.simulator.Upload;
import org.makerspace.ledger.eventstore.MongoEventStorageEngine;
import org.makerspace.ledger.session.api.MachineSessionEnded;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.ledger.storage.LedgerStorage;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reference controller with the server stopped in the middle: an application of its own on its own data
 * directory and a fixed port (as {@code RestartIntegrationTest} runs one), so that it can be stopped and started again
 * where the controller expects it. While it is down the controller decides from its signed allowlist, and queues;
 * when it is back the queue goes up, the sessions become events with their offline times, the decisions join the
 * decision log as offline ones, and an upload sent again adds nothing. Past the allowlist's expiry (the controller's
 * clock moved there) it refuses everyone.
 */
class ControllerSimulatorOfflineIntegrationTest {

    private static final String LAB = "fablab";
    private static final String MACHINE = "fablab-laser";
    private static final String MEMBER_UID = "04:A2:B3:C4:5D:6E:70";
    private static final String OTHER_MEMBER_UID = "04:77:66:55:44";
    private static final String UNKNOWN_UID = "04:DE:AD:BE:EF";
    private static final Duration READ_MODELS = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Well under the graceful shutdown's 30 s, which an open stream would make it wait for. */
    private static final Duration STOP = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;
    @TempDir
    Path state;
    @TempDir
    Path savedQueue;

    private final int port = freePort();
    private final List<Controller> controllers = new ArrayList<>();
    private StandaloneApplications applications;

    @BeforeEach
    void onItsOwnDataDirectoryAndPort() {
        applications = new StandaloneApplications(dataDir, "--server.port=" + port,
                                                  "--ledger.machines.allowlist.heartbeat=1s");
    }

    @AfterEach
    void stopEverything() {
        controllers.forEach(Controller::close);
        applications.close();
    }

    @Test
    void withTheServerStoppedTheControllerDecidesOfflineAndItsQueueBecomesTheLedgersWhenTheServerIsBack()
            throws Exception {
        ConfigurableApplicationContext first = applications.start(true);
        Lab lab = aLabWithAMachineAndACertifiedMember(new ApiClient(port));
        Controller controller = controller(lab, Clock.systemUTC());
        awaitHolding(controller, MEMBER_UID);

        long stopping = System.nanoTime();
        first.close();
        assertThat(Duration.ofNanos(System.nanoTime() - stopping))
                .as("the stop, although a controller holds a stream: it is ended, not waited for").isLessThan(STOP);
        await().atMost(READ_MODELS).until(() -> !controller.status().streaming());
        Decision granted = controller.tap(MEMBER_UID);
        Decision refused = controller.tap(UNKNOWN_UID);
        SessionEnd ended = controller.stop("finished").orElseThrow();

        assertThat(granted.granted()).isTrue();
        assertThat(granted.offline()).isTrue();
        assertThat(refused.offline()).isTrue();
        assertThat(refused.reason()).isEqualTo("unknown_card");
        assertThat(controller.status().queued()).as("two decisions, a start, an end").isEqualTo(4);
        copyQueue(state.resolve("queue"), savedQueue);

        Instant restartedAt = Instant.now();
        ConfigurableApplicationContext second = applications.start(false);
        await().atMost(READ_MODELS).until(() -> controller.status().queued() == 0);

        List<JsonNode> events = sessionEvents(second, granted.sessionId());
        assertThat(events).extracting(event -> event.path("type").asText())
                .containsExactly(MachineSessionStarted.class.getName(), MachineSessionEnded.class.getName());
        JsonNode started = events.get(0).path("payload");
        assertThat(Instant.parse(started.path("startedAt").asText())).isEqualTo(granted.at()).isBefore(restartedAt);
        assertThat(started.path("decidedOffline").asBoolean()).isTrue();
        assertThat(started.path("memberId").asText()).isEqualTo(lab.member());
        JsonNode end = events.get(1).path("payload");
        assertThat(Instant.parse(end.path("endedAt").asText())).isEqualTo(ended.endedAt()).isBefore(restartedAt);
        assertThat(end.path("reason").asText()).isEqualTo("finished");
        assertThat(events).extracting(event -> Instant.parse(event.path("recordedAt").asText()))
                .as("recorded when uploaded").allSatisfy(recorded -> assertThat(recorded).isAfter(restartedAt));

        ApiClient api = new ApiClient(port);
        List<JsonNode> offline = offlineDecisions(api, lab);
        assertThat(offline).hasSize(2);
        assertThat(offline).anySatisfy(decision -> {
            assertThat(decision.path("decision").asText()).isEqualTo("granted");
            assertThat(decision.path("sessionId").asText()).isEqualTo(granted.sessionId());
            assertThat(decision.path("memberId").asText()).isEqualTo(lab.member());
            assertThat(Instant.parse(decision.path("at").asText())).isEqualTo(granted.at());
        });
        assertThat(offline).anySatisfy(decision -> {
            assertThat(decision.path("decision").asText()).isEqualTo("denied");
            assertThat(decision.path("reason").asText()).isEqualTo("unknown_card");
            assertThat(Instant.parse(decision.path("at").asText())).isEqualTo(refused.at());
        });

        // The acknowledgements lost: the controller restarts with its queue as it was before the upload, sends again.
        controller.close();
        copyQueue(savedQueue, state.resolve("queue"));
        Controller restarted = controller(lab, Clock.systemUTC(), false);
        Upload again = restarted.upload();

        assertThat(again.remaining()).isZero();
        assertThat(again.rejected()).isZero();
        assertThat(again.decisionsRecorded()).isZero();
        assertThat(again.decisionsDuplicate()).isEqualTo(2);
        assertThat(again.sessionReports()).as("acknowledged, not recorded again").isEqualTo(2);
        assertThat(sessionEvents(second, granted.sessionId())).hasSize(2);
        assertThat(offlineDecisions(api, lab)).hasSize(2);
    }

    @Test
    void withTheServerDownPastTheAllowlistsExpiryTheControllerRefusesEveryone() {
        applications.start(true);
        Lab lab = aLabWithAMachineAndACertifiedMember(new ApiClient(port));
        MovableClock clock = new MovableClock(Instant.now());
        Controller controller = controller(lab, clock);
        awaitHolding(controller, MEMBER_UID);
        awaitHolding(controller, OTHER_MEMBER_UID);
        Instant expiresAt = controller.status().expiresAt();

        applications.stopOldest();
        assertThat(controller.tap(MEMBER_UID).granted()).as("offline, before the expiry").isTrue();
        controller.stop("finished");
        clock.set(expiresAt);

        Decision member = controller.tap(MEMBER_UID);
        Decision other = controller.tap(OTHER_MEMBER_UID);

        assertThat(List.of(member, other)).allSatisfy(decision -> {
            assertThat(decision.granted()).isFalse();
            assertThat(decision.offline()).isTrue();
            assertThat(decision.reason()).isEqualTo("allowlist_expired");
        });
        assertThat(controller.status().failsClosed()).isTrue();
        assertThat(expiresAt).as("a HIGH risk machine's list holds 24 hours")
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(24)));
    }

    // ---------------------------------------------------------------- the lab

    /** What the controller is set up with, and whom it should know. */
    private record Lab(String admin, String machineKey, String cardKey, String member) {
    }

    /**
     * A lab with its admin, a HIGH risk laser cutter, a qualified trainer and two members certified AUTONOMOUS with a
     * card each; the machine's key issued as a controller's setup gets it.
     */
    private static Lab aLabWithAMachineAndACertifiedMember(ApiClient api) {
        String platform = login(api, ADMIN, ADMIN_PASSWORD);
        created(api.post("/api/labs", platform, Map.of("labId", LAB, "name", "Fablab",
                                                       "publicUrl", "https://fablab.example")));
        String admin = login(api, createAccount(api, platform, "lab-admin", "LAB_ADMIN", LAB, Map.of()), PASSWORD);
        created(api.post("/api/labs/" + LAB + "/machines", admin,
                         Map.of("machineId", MACHINE, "name", "Trotec Speedy 100", "machineType", "laser-cutter",
                                "riskLevel", "HIGH", "maxSessionMinutes", 120)));
        created(api.post("/api/labs/" + LAB + "/trainers", admin, Map.of("trainerId", "alice")));
        assertThat(api.post("/api/labs/" + LAB + "/trainers/alice/qualifications", admin,
                            Map.of("machineType", "laser-cutter")).status()).isEqualTo(204);
        String trainer = login(api, createAccount(api, platform, "alice", "TRAINER", LAB, Map.of("trainerId", "alice")),
                               PASSWORD);
        certified(api, trainer, "marie", MEMBER_UID);
        certified(api, trainer, "noor", OTHER_MEMBER_UID);
        Reply setup = await().atMost(READ_MODELS).until(
                () -> api.post("/api/labs/" + LAB + "/machines/" + MACHINE + "/keys", admin, Map.of()),
                reply -> reply.status() == 201);
        return new Lab(admin, setup.text("key"), setup.text("cardKey"), "marie");
    }

    private static void certified(ApiClient api, String trainer, String member, String uid) {
        created(api.post("/api/labs/" + LAB + "/members", trainer, Map.of("memberId", member, "displayName", member)));
        created(api.post("/api/members/" + member + "/certifications", trainer,
                         Map.of("labId", LAB, "scope", Map.of("machineType", "laser-cutter"), "level", "AUTONOMOUS",
                                "expiry", Map.of("kind", "never"))));
        created(api.post("/api/members/" + member + "/cards", trainer, Map.of("cardUid", uid)));
    }

    private Controller controller(Lab lab, Clock clock) {
        return controller(lab, clock, true);
    }

    /** Set up as the machine key's answer says; started (online, stream, timers) or merely built on its state. */
    private Controller controller(Lab lab, Clock clock, boolean started) {
        Controller controller = new Controller(
                ControllerSettings.of(URI.create("http://localhost:" + port), MACHINE, lab.machineKey(),
                                      Base64.getDecoder().decode(lab.cardKey()), state)
                        .withMaxReconnectPause(Duration.ofSeconds(1)), clock);
        controllers.add(controller);
        if (started) {
            controller.start();
        }
        return controller;
    }

    /** Until the controller holds a verified list with the card (the access model catches up on its own). */
    private static void awaitHolding(Controller controller, String uid) {
        String card = controller.settings().cards().fingerprint(uid);
        await().atMost(READ_MODELS).until(() -> controller.allowlist().flatMap(list -> list.entry(card)).isPresent());
    }

    // ---------------------------------------------------------------- what the server recorded

    /** The session's events, in order: {type, recordedAt, payload}. */
    private static List<JsonNode> sessionEvents(ConfigurableApplicationContext context, String sessionId)
            throws IOException {
        List<JsonNode> events = new ArrayList<>();
        List<Document> commits = context.getBean(LedgerStorage.class).database()
                .getCollection(MongoEventStorageEngine.COMMITS).find(sessionStream(sessionId))
                .sort(new Document("gp", 1)).into(new ArrayList<>());
        for (Document commit : commits) {
            for (Document event : commit.getList("events", Document.class)) {
                events.add(JSON.createObjectNode().put("type", event.getString("pt"))
                                   .put("recordedAt", event.getString("ts"))
                                   .set("payload", JSON.readTree(event.getString("p"))));
            }
        }
        return events;
    }

    /** The machine's offline decisions in its decision log, as its lab's staff read them. */
    private static List<JsonNode> offlineDecisions(ApiClient api, Lab lab) {
        Reply log = api.get("/api/machines/" + MACHINE + "/decisions", lab.admin());
        assertThat(log.status()).as("%s", log.body()).isEqualTo(200);
        List<JsonNode> offline = new ArrayList<>();
        log.body().path("decisions").forEach(decision -> {
            if (decision.path("offline").asBoolean()) {
                offline.add(decision);
            }
        });
        return offline;
    }

    // ---------------------------------------------------------------- the application

    /**
     * A port nobody listens on now. The application is started on it (not on 0) so that, restarted, it is where the
     * controller was set up to find it.
     */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyQueue(Path from, Path to) throws IOException {
        try (Stream<Path> old = Files.list(to)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }

    /** The controller's clock, which the test moves past the allowlist's expiry while the server is down. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** A session's stream is keyed {@code session:<lab>/<machine>/<id>}. */
    private static Bson sessionStream(String sessionId) {
        return Filters.regex("agg", "^session:[^/]+/[^/]+/" + Pattern.quote(sessionId) + "$");
    }
}
