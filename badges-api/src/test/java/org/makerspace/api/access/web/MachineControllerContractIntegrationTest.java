package org.makerspace.api.access.web;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.makerspace.ledger.eventstore.MongoEventStorageEngine;
import org.makerspace.ledger.session.api.MachineSessionEnded;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The controller's side of machine access over HTTP: set up with a key and the lab's card key, it fingerprints cards
 * itself, gets a session id with each grant, reports sessions (repeats record nothing), and is refused outside
 * opening hours; nobody else may speak for the machine.
 */
@ExtendWith(OutputCaptureExtension.class)
class MachineControllerContractIntegrationTest extends ApiIntegrationTestSupport {

    private static final Duration READ_MODELS = Duration.ofSeconds(10);
    private static final String CARD_UID = "04:A2:B3:C4:D5:E6:F7";

    private String lab;
    private String admin;
    private String trainer;
    private String machineId;
    private String machineKey;
    private byte[] cardKey;

    @BeforeEach
    void aLabWithALaserAndACertifiedMember() {
        lab = unique("controller-lab");
        admin = registeredLab(lab);
        machineId = lab + "-laser";
        registeredMachine(admin, lab, machineId, "laser-cutter", "HIGH");
        trainer = qualifiedTrainer(admin, lab, "laser-cutter");
        Reply setup = controllerSetup(admin, lab, machineId);
        machineKey = setup.text("key");
        cardKey = Base64.getDecoder().decode(setup.text("cardKey"));
    }

    private String certifiedMemberWithCard() {
        return certifiedMember(trainer, lab, "laser-cutter", "AUTONOMOUS", CARD_UID);
    }

    /** What a controller computes: HMAC-SHA256 of the UID as hex digits, lowercase, without separators. */
    private String cardHash(String uid) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(cardKey, "HmacSHA256"));
        String normalised = uid.replace(":", "").toLowerCase();
        return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    }

    private Reply ask(Map<String, Object> body) {
        return api.post("/api/machines/" + machineId + "/access", machineKey, body);
    }

    @Test
    void aCardFingerprintedByTheControllerIsGrantedWithASessionId() throws Exception {
        String member = certifiedMemberWithCard();
        String hash = cardHash(CARD_UID);

        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(ask(Map.of("cardHash", hash)).text("decision"))
                .isEqualTo("granted"));
        Reply granted = ask(Map.of("cardHash", hash));

        assertThat(granted.text("memberId")).isEqualTo(member);
        assertThat(granted.text("sessionId")).isNotBlank();
        assertThat(ask(Map.of("cardHash", hash)).text("sessionId")).isNotEqualTo(granted.text("sessionId"));
        assertThat(ask(Map.of("cardUid", CARD_UID)).text("memberId")).isEqualTo(member);
    }

    @Test
    void aMalformedCardHashIsABadRequest() {
        Reply reply = ask(Map.of("cardHash", "not-a-hash"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aSessionReportedTwiceIsRecordedOnceAndEndsOnce() throws Exception {
        certifiedMemberWithCard();
        String hash = cardHash(CARD_UID);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(ask(Map.of("cardHash", hash)).text("decision"))
                .isEqualTo("granted"));
        String sessionId = ask(Map.of("cardHash", hash)).text("sessionId");
        // after the card was linked (a session is credited to whoever held the card then), ending within the
        // server's tolerance of a controller's clock ahead of its own
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> start = Map.of("sessionId", sessionId, "cardHash", hash, "startedAt", started.toString());
        Map<String, Object> end = Map.of("endedAt", started.plusSeconds(120).toString(), "reason", "finished",
                                         "minutes", 2, "energyWh", 240);

        assertThat(api.post("/api/machines/" + machineId + "/sessions", machineKey, start).status()).isEqualTo(204);
        assertThat(api.post("/api/machines/" + machineId + "/sessions", machineKey, start).status()).isEqualTo(204);
        String endPath = "/api/machines/" + machineId + "/sessions/" + sessionId + "/end";
        Reply ended = api.post(endPath, machineKey, end);
        assertThat(ended.status()).as(String.valueOf(ended.body())).isEqualTo(204);
        assertThat(api.post(endPath, machineKey, end).status()).isEqualTo(204);

        List<String> types = collection(MongoEventStorageEngine.COMMITS).find(sessionStream(sessionId))
                .map(commit -> commit.getList("events", Document.class).get(0).getString("pt"))
                .into(new ArrayList<>());
        assertThat(types).containsExactlyInAnyOrder(MachineSessionStarted.class.getName(),
                                                    MachineSessionEnded.class.getName());
    }

    @Test
    void aSessionEndMustUseAKnownReason() {
        Reply reply = api.post("/api/machines/" + machineId + "/sessions/s-1/end", machineKey,
                               Map.of("endedAt", Instant.now().toString(), "reason", "bored"));

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void onlyTheMachinesOwnKeyReportsItsSessions() {
        String otherMachine = lab + "-printer";
        registeredMachine(admin, lab, otherMachine, "printer-3d", "LOW");
        String otherKey = machine(lab, otherMachine);
        Map<String, Object> start = Map.of("sessionId", "s-x", "memberId", "nobody",
                                           "startedAt", Instant.now().toString());

        assertThat(api.post("/api/machines/" + machineId + "/sessions", otherKey, start).status()).isEqualTo(403);
        assertThat(api.post("/api/machines/" + machineId + "/sessions", admin, start).status()).isEqualTo(403);
        assertThat(api.post("/api/machines/" + machineId + "/sessions", null, start).status()).isEqualTo(401);
        assertThat(api.post("/api/machines/" + machineId + "/sessions/s-x/end", otherKey,
                            Map.of("endedAt", Instant.now().toString(), "reason", "finished")).status()).isEqualTo(403);
    }

    @Test
    void aControllerCannotEndAnotherMachinesSession() throws Exception {
        String member = certifiedMemberWithCard();
        String otherMachine = lab + "-laser-2";
        registeredMachine(admin, lab, otherMachine, "laser-cutter", "HIGH");
        String sessionId = unique("s");
        assertThat(api.post("/api/machines/" + machineId + "/sessions", machineKey,
                            Map.of("sessionId", sessionId, "memberId", member, "startedAt", Instant.now().toString()))
                           .status()).isEqualTo(204);

        Reply refused = api.post("/api/machines/" + otherMachine + "/sessions/" + sessionId + "/end",
                                 machine(lab, otherMachine),
                                 Map.of("endedAt", Instant.now().toString(), "reason", "finished"));

        assertThat(refused.status()).as("another machine's session is not found under this one")
                .isEqualTo(404);
    }

    @Test
    void aSessionFromTheFutureIsRefused() {
        Reply refused = api.post("/api/machines/" + machineId + "/sessions", machineKey,
                                 Map.of("sessionId", "s-future", "memberId", "m", "startedAt",
                                        Instant.now().plus(Duration.ofHours(2)).toString()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("detail")).contains("controller's clock");
    }

    @Test
    void aClosedLabRefusesUseUntilItsHoursAreCleared() throws Exception {
        certifiedMemberWithCard();
        String hash = cardHash(CARD_UID);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(ask(Map.of("cardHash", hash)).text("decision"))
                .isEqualTo("granted"));

        Reply closed = api.send(HttpMethod.PUT, "/api/labs/" + lab + "/opening-hours", admin,
                                MediaType.APPLICATION_JSON,
                                new ObjectMapper().writeValueAsString(Map.of("zone", "Europe/Paris",
                                                                             "periods", List.of())));

        assertThat(closed.status()).as(String.valueOf(closed.body())).isEqualTo(204);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(ask(Map.of("cardHash", hash)).text("reason"))
                .isEqualTo("outside_opening_hours"));
        assertThat(api.send(HttpMethod.DELETE, "/api/labs/" + lab + "/opening-hours", admin, null, null).status())
                .isEqualTo(204);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(ask(Map.of("cardHash", hash)).text("decision"))
                .isEqualTo("granted"));
    }

    @Test
    void onlyTheLabsAdminSetsOpeningHours() throws Exception {
        String body = new ObjectMapper().writeValueAsString(Map.of("zone", "Europe/Paris", "periods", List.of()));
        String path = "/api/labs/" + lab + "/opening-hours";

        assertThat(api.send(HttpMethod.PUT, path, trainer(lab), MediaType.APPLICATION_JSON, body).status())
                .isEqualTo(403);
        assertThat(api.send(HttpMethod.PUT, path, machineKey, MediaType.APPLICATION_JSON, body).status())
                .isEqualTo(403);
        assertThat(api.send(HttpMethod.PUT, path, labAdmin(unique("other-lab")), MediaType.APPLICATION_JSON, body)
                           .status()).isEqualTo(403);
        assertThat(api.send(HttpMethod.DELETE, path, null, null, null).status()).isEqualTo(401);
        assertThat(api.send(HttpMethod.PUT, path, admin, MediaType.APPLICATION_JSON,
                            "{\"zone\": \"Mars/Olympus\", \"periods\": []}").status()).isEqualTo(400);
    }

    @Test
    void aControllerReadsTheServersClockWithItsOwnKeyOnly() {
        Instant before = Instant.now();

        Reply time = api.get("/api/machines/" + machineId + "/time", machineKey);

        assertThat(time.status()).isEqualTo(200);
        assertThat(Instant.parse(time.text("serverTime"))).isBetween(before, Instant.now());
        assertThat(api.get("/api/machines/" + machineId + "/time", admin).status()).isEqualTo(403);
        assertThat(api.get("/api/machines/" + machineId + "/time", null).status()).isEqualTo(401);
    }

    @Test
    void aCardUidIsNeverLoggedNorStored(CapturedOutput output) throws Exception {
        String uid = "04:5E:C0:DE:77:12:AB";
        String member = certifiedMember(trainer, lab, "laser-cutter", "AUTONOMOUS", uid);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(ask(Map.of("cardUid", uid)).text("memberId"))
                .isEqualTo(member));
        ask(Map.of("cardUid", uid, "memberId", member));
        api.post("/api/machines/" + machineId + "/access", machineKey, "{\"cardUid\": \"" + uid + "\", \"x\": 1}");

        String normalised = uid.replace(":", "").toLowerCase();
        assertThat(output.getAll()).doesNotContainIgnoringCase(normalised).doesNotContainIgnoringCase(uid);
        for (String name : List.of(MongoEventStorageEngine.COMMITS, "access_members", "access_decisions")) {
            for (Document document : collection(name).find()) {
                assertThat(document.toJson()).as(name).doesNotContainIgnoringCase(normalised);
            }
        }
    }

    @Test
    void reportedSessionsShowInTheMachinesUsageForItsLabsStaffOnly() {
        String member = certifiedMemberWithCard();
        Instant started = Instant.now().minus(Duration.ofMinutes(50)).truncatedTo(ChronoUnit.SECONDS);
        String sessionId = unique("s");
        assertThat(api.post("/api/machines/" + machineId + "/sessions", machineKey,
                            Map.of("sessionId", sessionId, "memberId", member, "startedAt", started.toString()))
                           .status()).isEqualTo(204);
        assertThat(api.post("/api/machines/" + machineId + "/sessions/" + sessionId + "/end", machineKey,
                            Map.of("endedAt", started.plus(Duration.ofMinutes(40)).toString(), "reason", "finished",
                                   "energyWh", 120)).status()).isEqualTo(204);
        String path = "/api/machines/" + machineId + "/usage";

        await().atMost(READ_MODELS).untilAsserted(() -> {
            Reply usage = api.get(path, trainer);
            assertThat(usage.status()).isEqualTo(200);
            assertThat(usage.body().path("months")).hasSize(1);
            assertThat(usage.body().path("months").get(0).path("sessions").asInt()).isEqualTo(1);
            assertThat(usage.body().path("months").get(0).path("minutes").asLong()).isEqualTo(40);
            assertThat(usage.body().path("months").get(0).path("energyWh").asLong()).isEqualTo(120);
        });
        assertThat(api.get(path, machineKey).status()).isEqualTo(403);
        assertThat(api.get(path, learner(lab)).status()).isEqualTo(403);
        assertThat(api.get(path, labAdmin(unique("other-lab"))).status()).isEqualTo(403);
        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(api.get(path + "?from=2026-05&to=2026-01", trainer).status()).isEqualTo(400);
    }

    @Test
    void aSessionIsCreditedToWhoeverHeldTheCardWhenItStarted() throws Exception {
        String member = certifiedMemberWithCard();
        String hash = cardHash(CARD_UID);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(ask(Map.of("cardHash", hash)).text("decision"))
                .isEqualTo("granted"));
        Instant usedOffline = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(api.post("/api/members/" + member + "/cards/unlink", trainer,
                            Map.of("cardUid", CARD_UID, "reason", "lost")).status()).isEqualTo(204);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(ask(Map.of("cardHash", hash)).text("reason"))
                .isEqualTo("unknown_card"));
        String sessionId = unique("s");

        Reply reported = api.post("/api/machines/" + machineId + "/sessions", machineKey,
                                  Map.of("sessionId", sessionId, "cardHash", hash,
                                         "startedAt", usedOffline.toString(), "decidedOffline", true));
        Reply afterUnlinking = api.post("/api/machines/" + machineId + "/sessions", machineKey,
                                        Map.of("sessionId", unique("s"), "cardHash", hash,
                                               "startedAt", Instant.now().toString(), "decidedOffline", true));

        assertThat(reported.status()).as(String.valueOf(reported.body())).isEqualTo(204);
        Document commit = collection(MongoEventStorageEngine.COMMITS).find(sessionStream(sessionId)).first();
        assertThat(String.valueOf(commit.getList("events", Document.class).get(0).get("p"))).contains(member);
        assertThat(afterUnlinking.status()).isEqualTo(422);
    }

    @Test
    void aSessionOfAMemberTheLedgerDoesNotKnowIsRefused() {
        Reply refused = api.post("/api/machines/" + machineId + "/sessions", machineKey,
                                 Map.of("sessionId", unique("s"), "memberId", unique("nobody"),
                                        "startedAt", Instant.now().toString()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("/unknown-member");
    }

    @Test
    void twoMachinesMayReportSessionsOfTheSameIdWithoutBlockingEachOther() {
        String member = certifiedMemberWithCard();
        String otherLab = unique("other-lab");
        String otherAdmin = registeredLab(otherLab);
        registeredMachine(otherAdmin, otherLab, otherLab + "-laser", "laser-cutter", "HIGH");
        String otherMember = certifiedMember(qualifiedTrainer(otherAdmin, otherLab, "laser-cutter"), otherLab,
                                             "laser-cutter", "AUTONOMOUS", null);
        String sessionId = unique("s");
        Instant now = Instant.now();
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(api.post(
                "/api/machines/" + otherLab + "-laser/sessions", machine(otherLab, otherLab + "-laser"),
                Map.of("sessionId", sessionId, "memberId", otherMember, "startedAt", now.toString())).status())
                .isEqualTo(204));

        Reply ours = api.post("/api/machines/" + machineId + "/sessions", machineKey,
                              Map.of("sessionId", sessionId, "memberId", member, "startedAt", now.toString()));

        assertThat(ours.status()).as(String.valueOf(ours.body())).isEqualTo(204);
        assertThat(collection(MongoEventStorageEngine.COMMITS).countDocuments(sessionStream(sessionId))).isEqualTo(2);
    }

    /** A session's stream is keyed {@code session:<lab>/<machine>/<id>}. */
    private static Bson sessionStream(String sessionId) {
        return Filters.regex("agg", "^session:[^/]+/[^/]+/" + Pattern.quote(sessionId) + "$");
    }
}
