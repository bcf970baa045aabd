package org.makerspace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.makerspace.api.testing.StandaloneApplications.ADMIN;
import static org.makerspace.api.testing.StandaloneApplications.ADMIN_PASSWORD;
import static org.makerspace.api.testing.StandaloneApplications.PASSWORD;
import static org.makerspace.api.testing.StandaloneApplications.createAccount;
import static org.makerspace.api.testing.StandaloneApplications.created;
import static org.makerspace.api.testing.StandaloneApplications.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.makerspace.api.testing.ApiClient;
import org.makerspace.api.testing.Reply;
import org.makerspace.api.testing.StandaloneApplications;
import org.makerspace.api.testing.StoredCollections;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.storage.embedded.EmbeddedMongoServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application stopped and started again on the embedded default, as a lab runs it: the same data directory, no
 * MongoDB URI. Whatever was recorded, derived or issued before the stop is there after it, and the event processors
 * carry on from their stored tokens instead of handling the ledger again.
 *
 * <p>Each start is a real run of the application ({@link StandaloneApplications}).
 */
class RestartIntegrationTest {

    private static final String DATABASE = "makerspace_ledger";
    private static final String LAB = "fablab";
    private static final String MACHINE = "fablab-laser";
    private static final String TRAINER = "alice";
    private static final String MEMBER = "marie";
    private static final String CARD = "04:A2:B3:C4:5D:6E:70";
    private static final Duration READ_MODELS = Duration.ofSeconds(30);
    /**
     * Changed by a restart without anything being recorded: who holds a claim, and logins. The decision log is
     * written in batches a moment after each answer (and flushed at a stop), so a snapshot taken just after a
     * decision may or may not hold it yet.
     */
    private static final Set<String> NOT_COMPARED = StoredCollections.CHANGING_BY_THEMSELVES;

    @TempDir
    Path dataDir;

    private StandaloneApplications applications;

    @BeforeEach
    void onItsOwnDataDirectory() {
        applications = new StandaloneApplications(dataDir, "--ledger.mongodb.database=" + DATABASE, "--server.port=0");
    }

    @AfterEach
    void stopWhatIsStillRunning() {
        applications.close();
    }

    @Test
    void afterAQuietStopEverythingIsBackNothingIsHandledAgainAndTheLedgerCarriesOn() {
        ConfigurableApplicationContext first = applications.start(true);
        ApiClient api = client(first);
        History history = recordHistory(api);
        JsonNode passportBefore = passport(api, history.labAdmin());
        JsonNode accessBefore = access(api, history.machineKey()).body();
        long headBefore = head(first);
        awaitCaughtUp(first, headBefore);
        // Idle segments store their position only when they extend their claim (every 5 s): a quiet stop is one
        // taken once the stored tokens, not just the processors in memory, have reached the head.
        awaitStoredTokensAt(first, headBefore);
        Map<String, String> tokensBefore = storedTokens(first);
        Map<String, List<String>> documentsBefore = documents(first);
        List<Document> memberCommitsBefore = memberCommits(first);
        first.close();

        // No bootstrap settings this time: the administrator can only come from the data directory.
        ConfigurableApplicationContext second = applications.start(false);
        ApiClient again = client(second);

        assertThat(head(second)).as("events appended by starting").isEqualTo(headBefore);
        awaitCaughtUp(second, headBefore);
        assertThat(eventsGiven(second)).as("events given to each processor since the restart")
                .isEqualTo(eachProcessor(second, 0));
        assertThat(storedTokens(second)).as("stored token of each processor and segment").isEqualTo(tokensBefore);
        assertThat(documents(second)).as("documents of every collection but tokens, logins and the decision log")
                .isEqualTo(documentsBefore);

        String platformAgain = login(again, ADMIN, ADMIN_PASSWORD);
        assertThat(passport(again, platformAgain)).isEqualTo(passportBefore);
        assertThat(again.get("/api/members/" + MEMBER + "/passport", history.labAdmin()).status())
                .as("a bearer token issued before the restart").isEqualTo(200);
        JsonNode accessAfter = ((ObjectNode) access(again, history.machineKey()).body()).without("sessionId");
        assertThat(accessAfter).as("the machine key issued before the restart, and the decision (each grant has a new session id)")
                .isEqualTo(((ObjectNode) accessBefore).<JsonNode>without("sessionId"));

        created(again.post("/api/members/" + MEMBER + "/trainings", login(again, "alice", PASSWORD),
                           Map.of("labId", LAB, "courseCode", "laser-advanced", "hours", 2)));
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                again.get("/api/members/" + MEMBER + "/passport", platformAgain).body().path("trainings")).hasSize(2));
        long headAfter = head(second);
        awaitCaughtUp(second, headAfter);
        assertThat(eventsGiven(second)).as("events given to each processor since the restart: the new ones, once")
                .isEqualTo(eachProcessor(second, headAfter - headBefore));
        List<Document> memberCommitsAfter = memberCommits(second);
        int nextSequence = memberCommitsBefore.stream().mapToInt(commit -> commit.getInteger("n")).sum();
        assertThat(memberCommitsAfter).hasSize(memberCommitsBefore.size() + 1)
                .extracting(commit -> commit.getString("_id")).contains(MEMBER + "#" + nextSequence);
    }

    /**
     * Stopped right after its commands, the stored tokens of idle segments are behind (they store their position only
     * when they extend their claim): the processors read those events again after the restart, and drop them. No
     * handler runs twice, because a segment stores its token with every batch it handles, so its stored token is never
     * behind an event it handled.
     */
    @Test
    void afterAStopRightAfterCommandsNoHandlerRunsTwice() {
        ConfigurableApplicationContext first = applications.start(true);
        ApiClient api = client(first);
        History history = recordHistory(api);
        long headBefore = head(first);
        awaitCaughtUp(first, headBefore);
        Map<String, List<String>> documentsBefore = documents(first);
        first.close();

        ConfigurableApplicationContext second = applications.start(false);
        awaitCaughtUp(second, headBefore);
        assertThat(handlerRuns(second)).as("events handled by each processor since the restart")
                .isEqualTo(eachProcessor(second, 0));
        assertThat(documents(second)).as("documents of every collection but tokens, logins and the decision log")
                .isEqualTo(documentsBefore);

        ApiClient again = client(second);
        created(again.post("/api/members/" + MEMBER + "/trainings", history.trainer(),
                           Map.of("labId", LAB, "courseCode", "laser-advanced", "hours", 2)));
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(handlerRuns(second).get("passport"))
                .as("the counter counts").isEqualTo(1L));
    }

    @Test
    void aStoppedApplicationLeavesItsLedgerInTheDataDirectory() {
        ConfigurableApplicationContext context = applications.start(true);
        ApiClient api = client(context);
        created(api.post("/api/labs", login(api, ADMIN, ADMIN_PASSWORD),
                         Map.of("labId", LAB, "name", "Fablab", "publicUrl", "https://fablab.example")));
        context.close();

        Path store = dataDir.resolve("ledger.mv.db");
        assertThat(store).isRegularFile();
        assertThat(store.toFile().length()).isPositive();
        assertThat(dataDir.resolve("secrets").resolve("card-fingerprint.key")).isRegularFile();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase(DATABASE);
            assertThat(database.getCollection("event_commits").countDocuments(Filters.eq("_id", LAB + "#0")))
                    .isEqualTo(1);
            assertThat(database.getCollection("accounts").countDocuments()).isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------- a small history

    /** What a lab has after its first day: the tokens and key a client would keep across a restart. */
    private record History(String labAdmin, String trainer, String machineKey) {
    }

    /**
     * A lab with its admin, a laser cutter, a qualified trainer, and a member trained, certified and carrying a
     * card; returns once the read models show it and the laser says yes to the card.
     */
    private static History recordHistory(ApiClient api) {
        String platform = login(api, ADMIN, ADMIN_PASSWORD);
        created(api.post("/api/labs", platform, Map.of("labId", LAB, "name", "Fablab",
                                                       "publicUrl", "https://fablab.example")));
        String admin = login(api, createAccount(api, platform, "lab-admin", "LAB_ADMIN", LAB, Map.of()), PASSWORD);
        created(api.post("/api/labs/" + LAB + "/machines", admin,
                         Map.of("machineId", MACHINE, "name", "Trotec Speedy 100", "machineType", "laser-cutter",
                                "riskLevel", "HIGH", "maxSessionMinutes", 120)));
        created(api.post("/api/labs/" + LAB + "/trainers", admin, Map.of("trainerId", TRAINER)));
        assertThat(api.post("/api/labs/" + LAB + "/trainers/" + TRAINER + "/qualifications", admin,
                            Map.of("machineType", "laser-cutter")).status()).isEqualTo(204);
        String trainer = login(api, createAccount(api, platform, "alice", "TRAINER", LAB, Map.of("trainerId", TRAINER)),
                               PASSWORD);
        created(api.post("/api/labs/" + LAB + "/members", trainer,
                         Map.of("memberId", MEMBER, "displayName", "Marie", "birthYear", 2009)));
        created(api.post("/api/members/" + MEMBER + "/trainings", trainer,
                         Map.of("labId", LAB, "courseCode", "laser-basics", "hours", 3.5)));
        created(api.post("/api/members/" + MEMBER + "/certifications", trainer,
                         Map.of("certificationId", "cert-1", "labId", LAB,
                                "scope", Map.of("machineType", "laser-cutter"), "level", "AUTONOMOUS",
                                "expiry", Map.of("kind", "after-period", "period", "P1Y"))));
        created(api.post("/api/members/" + MEMBER + "/cards", trainer, Map.of("cardUid", CARD)));
        await().atMost(READ_MODELS).untilAsserted(() ->
                assertThat(api.get("/api/machines/" + MACHINE, admin).status()).isEqualTo(200));
        String machineKey = created(api.post("/api/labs/" + LAB + "/machines/" + MACHINE + "/keys", admin, Map.of()))
                .text("key");
        await().atMost(READ_MODELS).untilAsserted(() -> {
            JsonNode passport = api.get("/api/members/" + MEMBER + "/passport", admin).body();
            assertThat(passport.path("trainings")).hasSize(1);
            assertThat(passport.path("certifications")).hasSize(1);
            assertThat(access(api, machineKey).text("decision")).isEqualTo("granted");
        });
        return new History(admin, trainer, machineKey);
    }

    // ---------------------------------------------------------------- the application

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static MongoDatabase database(ConfigurableApplicationContext context) {
        return context.getBean(LedgerStorage.class).database();
    }

    /** The position of the newest event in the ledger. */
    private static long head(ConfigurableApplicationContext context) {
        return context.getBean(EventStore.class).createHeadToken().position().orElseThrow();
    }

    private static Map<String, StreamingEventProcessor> processors(ConfigurableApplicationContext context) {
        Map<String, StreamingEventProcessor> processors = new TreeMap<>();
        context.getBean(EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                processors.put(name, streaming);
            }
        });
        assertThat(processors).containsKeys("passport", "access", "catalog", "award");
        return processors;
    }

    /** Until every segment of every processor is claimed here, caught up, and at {@code head}. */
    private static void awaitCaughtUp(ConfigurableApplicationContext context, long head) {
        MongoDatabase database = database(context);
        await().atMost(READ_MODELS).untilAsserted(() -> processors(context).forEach((name, processor) -> {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            long segments = database.getCollection("processor_tokens")
                    .countDocuments(Filters.eq("processorName", name));
            assertThat(status).as("segments of %s claimed here", name).hasSize((int) segments);
            assertThat(status.values()).as("segments of %s", name).allSatisfy(segment -> {
                assertThat(segment.isCaughtUp()).isTrue();
                assertThat(segment.getCurrentPosition()).hasValue(head);
            });
        }));
    }

    /** Until every stored token, of every processor and segment, is at {@code head}. */
    private static void awaitStoredTokensAt(ConfigurableApplicationContext context, long head) {
        String atHead = GapAwareTrackingToken.class.getName() + " " + "{\"index\":" + head + ",\"gaps\":[]}";
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(storedTokens(context)).allSatisfy(
                (segment, token) -> assertThat(token).as(segment).isEqualTo(atHead)));
    }

    /** Events each processor has been given since this context started (handled or not), by Axon's counter. */
    private static Map<String, Long> eventsGiven(ConfigurableApplicationContext context) {
        return count(context, "eventProcessor.ingestedCounter");
    }

    /** Events each processor has handled since this context started, successfully or not, by Axon's counters. */
    private static Map<String, Long> handlerRuns(ConfigurableApplicationContext context) {
        Map<String, Long> runs = count(context, "eventProcessor.successCounter");
        count(context, "eventProcessor.failureCounter")
                .forEach((processor, failures) -> runs.merge(processor, failures, Long::sum));
        return runs;
    }

    private static Map<String, Long> count(ConfigurableApplicationContext context, String counter) {
        MeterRegistry registry = context.getBean(MeterRegistry.class);
        Map<String, Long> counts = new TreeMap<>();
        for (String processor : processors(context).keySet()) {
            double sum = registry.find(counter).tag("processorName", processor).counters().stream()
                    .mapToDouble(Counter::count).sum();
            counts.put(processor, (long) sum);
        }
        return counts;
    }

    private static Map<String, Long> eachProcessor(ConfigurableApplicationContext context, long count) {
        Map<String, Long> expected = new TreeMap<>();
        processors(context).keySet().forEach(processor -> expected.put(processor, count));
        return expected;
    }

    // ---------------------------------------------------------------- what is stored

    /** processor/segment → the serialized token, without the claim (owner, timestamp) that a restart changes. */
    private static Map<String, String> storedTokens(ConfigurableApplicationContext context) {
        Map<String, String> tokens = new TreeMap<>();
        for (Document entry : database(context).getCollection("processor_tokens").find()) {
            Binary token = entry.get("token", Binary.class);
            tokens.put(entry.getString("processorName") + "/" + entry.get("segment"),
                       entry.getString("tokenType") + " " + (token == null ? null : new String(token.getData())));
        }
        assertThat(tokens).isNotEmpty();
        return tokens;
    }

    /** Every document of every collection but {@link #NOT_COMPARED}, as JSON, by collection. */
    private static Map<String, List<String>> documents(ConfigurableApplicationContext context) {
        Map<String, List<String>> documents = StoredCollections.documents(database(context), NOT_COMPARED);
        assertThat(documents).containsKeys("event_commits", "passport_members", "access_members", "catalog_machines",
                                           "accounts", "machine_keys");
        return documents;
    }

    private static List<Document> memberCommits(ConfigurableApplicationContext context) {
        List<Document> commits = new ArrayList<>();
        database(context).getCollection("event_commits")
                .find(Filters.regex("_id", "^" + Pattern.quote(MEMBER + "#")))
                .forEach(commits::add);
        return commits;
    }

    // ---------------------------------------------------------------- HTTP

    /** The member's passport without the moment it was asked at ({@code at}, the time its statuses are valid at). */
    private static JsonNode passport(ApiClient api, String token) {
        Reply passport = api.get("/api/members/" + MEMBER + "/passport", token);
        assertThat(passport.status()).as("%s", passport.body()).isEqualTo(200);
        return ((ObjectNode) passport.body()).without("at");
    }

    private static Reply access(ApiClient api, String machineKey) {
        Reply answer = api.post("/api/machines/" + MACHINE + "/access", machineKey, Map.of("cardUid", CARD));
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer;
    }

}
