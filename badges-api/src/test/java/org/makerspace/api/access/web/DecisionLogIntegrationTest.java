package org.makerspace.api.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.springframework.http.MediaType;

/**
 * The decision log and time travel over HTTP: every online decision is logged, offline ones are uploaded once, the
 * staff of the machine's lab read them and ask why, and the access list of a past moment follows the ledger of then.
 */
class DecisionLogIntegrationTest extends ApiIntegrationTestSupport {

    private static final Duration READ_MODELS = Duration.ofSeconds(10);

    private String lab;
    private String admin;
    private String trainer;
    private String machineId;
    private String machineKey;

    @BeforeEach
    void aLabWithALaser() {
        lab = unique("audit-lab");
        admin = registeredLab(lab);
        machineId = lab + "-laser";
        registeredMachine(admin, lab, machineId, "laser-cutter", "HIGH");
        trainer = qualifiedTrainer(admin, lab, "laser-cutter");
        machineKey = machine(lab, machineId);
    }

    private Reply ask(Map<String, Object> body) {
        return api.post("/api/machines/" + machineId + "/access", machineKey, body);
    }

    private String grantedMember(String cardUid) {
        String member = certifiedMember(trainer, lab, "laser-cutter", "AUTONOMOUS", cardUid);
        await().atMost(READ_MODELS).until(() -> "granted".equals(ask(Map.of("memberId", member)).text("decision")));
        return member;
    }

    private List<JsonNode> logged(String query) {
        Reply reply = api.get("/api/machines/" + machineId + "/decisions" + query, trainer);
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
        List<JsonNode> decisions = new ArrayList<>();
        reply.body().path("decisions").forEach(decisions::add);
        return decisions;
    }

    // ---------------------------------------------------------------- online decisions

    @Test
    void everyOnlineDecisionIsLoggedNewestFirstWithWhatDecidedIt() {
        String ada = grantedMember("04:AA:00:00:00:00:01");
        String sessionId = ask(Map.of("cardUid", "04:AA:00:00:00:00:01")).text("sessionId");
        ask(Map.of("cardUid", "04:FF:FF:FF:FF:FF:FF"));

        await().atMost(READ_MODELS).until(() -> logged("?limit=2").size() == 2
                                                && "unknown_card".equals(logged("?limit=1").get(0).path("reason").asText()));
        List<JsonNode> newest = logged("?limit=2");

        assertThat(newest.get(0).path("decision").asText()).isEqualTo("denied");
        assertThat(newest.get(0).path("card").asText()).startsWith("cf2_");
        assertThat(newest.get(0).path("memberId").isNull()).isTrue();
        JsonNode granted = newest.get(1);
        assertThat(granted.path("decision").asText()).isEqualTo("granted");
        assertThat(granted.path("memberId").asText()).isEqualTo(ada);
        assertThat(granted.path("sessionId").asText()).isEqualTo(sessionId);
        assertThat(granted.path("level").asText()).isEqualTo("autonomous");
        assertThat(granted.path("basis").asText()).startsWith("certification:");
        assertThat(granted.path("labId").asText()).isEqualTo(lab);
        assertThat(granted.path("offline").asBoolean()).isFalse();
    }

    @Test
    void theLogIsFilteredByMemberAndTime() {
        String ada = grantedMember(null);
        ask(Map.of("memberId", "nobody-" + lab));
        Instant before = Instant.now().minusSeconds(3600);

        await().atMost(READ_MODELS).until(() -> logged("?memberId=" + ada).size() >= 1
                                                && !logged("?memberId=nobody-" + lab).isEmpty());

        assertThat(logged("?memberId=" + ada)).allMatch(decision -> decision.path("memberId").asText().equals(ada));
        assertThat(logged("?memberId=" + ada + "&from=" + before + "&to=" + Instant.now().plusSeconds(60)))
                .isNotEmpty();
        assertThat(logged("?to=" + before)).isEmpty();
    }

    // ---------------------------------------------------------------- offline decisions

    private Map<String, Object> offline(Instant at, String who, String whoValue, String decision, String reason) {
        Map<String, Object> taken = new java.util.HashMap<>(Map.of("at", at.toString(), who, whoValue,
                                                                    "decision", decision));
        if (reason != null) {
            taken.put("reason", reason);
        }
        return taken;
    }

    @Test
    void offlineDecisionsAreStoredOnceAndMarkedOffline() {
        String ada = grantedMember(null);
        Instant at = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        List<Map<String, Object>> decisions = List.of(
                offline(at, "memberId", ada, "granted", null),
                offline(at.plusSeconds(60), "cardHash", "ab".repeat(32), "denied", "not_on_allowlist"));

        Reply first = api.post("/api/machines/" + machineId + "/offline-decisions", machineKey,
                               Map.of("decisions", decisions));
        Reply again = api.post("/api/machines/" + machineId + "/offline-decisions", machineKey,
                               Map.of("decisions", decisions));

        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
        assertThat(first.body().path("recorded").asInt()).isEqualTo(2);
        assertThat(again.body().path("recorded").asInt()).isZero();
        assertThat(again.body().path("duplicates").asInt()).isEqualTo(2);
        List<JsonNode> stored = logged("?to=" + at.plusSeconds(60));
        assertThat(stored).hasSize(2).allMatch(decision -> decision.path("offline").asBoolean());
        assertThat(stored.get(0).path("reason").asText()).isEqualTo("not_on_allowlist");
        assertThat(stored.get(1).path("memberId").asText()).isEqualTo(ada);
        assertThat(stored.get(1).path("at").asText()).isEqualTo(at.toString());
    }

    @Test
    void onlyTheMachinesOwnKeyUploadsAndAMalformedUploadIsABadRequest() {
        String otherMachine = lab + "-printer";
        registeredMachine(admin, lab, otherMachine, "printer-3d", "LOW");
        String path = "/api/machines/" + machineId + "/offline-decisions";
        Map<String, Object> upload = Map.of("decisions", List.of(offline(Instant.now(), "memberId", "m-1", "granted",
                                                                         null)));

        assertThat(api.post(path, machine(lab, otherMachine), upload).status()).isEqualTo(403);
        assertThat(api.post(path, admin, upload).status()).isEqualTo(403);
        assertThat(api.post(path, trainer, upload).status()).isEqualTo(403);
        assertThat(api.post(path, null, upload).status()).isEqualTo(401);

        Map<String, Object> both = new java.util.HashMap<>(offline(Instant.now(), "memberId", "m-1", "granted", null));
        both.put("cardHash", "ab".repeat(32));
        for (Map<String, Object> bad : List.of(
                both,
                offline(Instant.now(), "memberId", "m-1", "denied", null),
                offline(Instant.now().plus(Duration.ofHours(1)), "memberId", "m-1", "granted", null),
                offline(Instant.now(), "memberId", "m-1", "maybe", null),
                offline(Instant.now(), "cardHash", "not-a-hash", "granted", null))) {
            Reply refused = api.post(path, machineKey, Map.of("decisions", List.of(bad)));
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    // ---------------------------------------------------------------- who may read

    @Test
    void onlyStaffOfTheMachinesLabReadTheLog() {
        String path = "/api/machines/" + machineId + "/decisions";
        String explain = path + "/explain?memberId=m-1&at=" + Instant.now();
        await().atMost(READ_MODELS).until(() -> api.get(path, admin).status() == 200);

        assertThat(api.get(path, admin).status()).isEqualTo(200);
        assertThat(api.get(path, trainer).status()).isEqualTo(200);
        assertThat(api.get(explain, trainer).status()).isEqualTo(200);
        for (String outsider : List.of(learner(lab), labAdmin(registeredLabName()), machineKey)) {
            assertThat(api.get(path, outsider).status()).isEqualTo(403);
            assertThat(api.get(explain, outsider).status()).isEqualTo(403);
        }
        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(api.get(explain, null).status()).isEqualTo(401);
        assertThat(api.get("/api/machines/" + lab + "-nowhere/decisions", admin).status()).isEqualTo(404);
    }

    private String registeredLabName() {
        String other = unique("other-audit-lab");
        registeredLab(other);
        return other;
    }

    @Test
    void badQueriesAreProblems() {
        String path = "/api/machines/" + machineId + "/decisions";
        await().atMost(READ_MODELS).until(() -> api.get(path, admin).status() == 200);
        for (String query : List.of("?limit=0", "?limit=5000", "?from=yesterday", "?from=2026-02-02T00:00:00Z&to=2026-02-01T00:00:00Z",
                                    "/explain?memberId=m-1", "/explain?memberId=m-1&at=" + Instant.now().plus(Duration.ofDays(1)))) {
            Reply reply = api.get(path + query, admin);
            assertThat(reply.status()).as(query + ": " + reply.body()).isEqualTo(400);
            assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    // ---------------------------------------------------------------- why

    @Test
    void explainingADenialGivesTheRecordedDecisionAndTheLedgersReasonOfThen() {
        String ben = unique("member");
        assertThat(api.post("/api/labs/" + lab + "/members", trainer,
                            Map.of("memberId", ben, "displayName", "Ben")).status()).isEqualTo(201);
        String certification = api.post("/api/members/" + ben + "/certifications", trainer,
                                         Map.of("labId", lab, "scope", Map.of("machineType", "laser-cutter"),
                                                "level", "AUTONOMOUS", "expiry", Map.of("kind", "never")))
                .text("id");
        assertThat(api.post("/api/members/" + ben + "/certifications/" + certification + "/revocation", admin,
                            Map.of("reason", "cut a mirror")).status()).isEqualTo(204);
        await().atMost(READ_MODELS).until(() -> "revoked".equals(ask(Map.of("memberId", ben)).text("reason")));
        Instant afterwards = Instant.now();
        String explain = "/api/machines/" + machineId + "/decisions/explain?memberId=" + ben + "&at=" + afterwards;

        // The log is written in batches, a moment after the decision: the last one logged is the refusal.
        await().atMost(READ_MODELS).until(() -> "revoked".equals(
                api.get(explain, trainer).body().path("recorded").path("reason").asText()));
        Reply why = api.get(explain, trainer);

        assertThat(why.body().path("recorded").path("decision").asText()).isEqualTo("denied");
        assertThat(why.body().path("recorded").path("reason").asText()).isEqualTo("revoked");
        assertThat(why.body().path("recomputed").path("reason").asText()).isEqualTo("revoked");
        assertThat(why.body().path("recomputed").path("certificationId").asText()).isEqualTo(certification);
        assertThat(why.body().path("agrees").asBoolean()).isTrue();
        Reply longBefore = api.get("/api/machines/" + machineId + "/decisions/explain?memberId=" + ben + "&at="
                                   + afterwards.minus(Duration.ofDays(1)), trainer);
        assertThat(longBefore.body().path("recorded").isNull()).isTrue();
        assertThat(longBefore.body().path("recomputed").path("reason").asText()).isEqualTo("unknown_machine");
    }

    // ---------------------------------------------------------------- time travel

    private List<String> accessListAt(Instant at) {
        Reply list = api.get("/api/machines/" + machineId + "/access-list?at=" + at, trainer);
        assertThat(list.status()).as(String.valueOf(list.body())).isEqualTo(200);
        List<String> members = new ArrayList<>();
        list.body().path("entries").forEach(entry -> members.add(entry.path("memberId").asText()));
        return members;
    }

    private static Instant aMomentLater() throws InterruptedException {
        Thread.sleep(20);
        Instant moment = Instant.now();
        Thread.sleep(20);
        return moment;
    }

    @Test
    void theAccessListOfAPastMomentFollowsTheLedgerOfThen() throws InterruptedException {
        // Who is staff of the machine's lab is asked of the live access model, which learns of the machine a moment
        // after its registration: without this wait the first question can find no machine (404) on a busy machine.
        await().atMost(READ_MODELS).until(() -> api.get("/api/machines/" + machineId + "/access-list?at="
                                                        + Instant.now(), trainer).status() == 200);
        Instant beforeAnything = aMomentLater();
        String ada = unique("member");
        assertThat(api.post("/api/labs/" + lab + "/members", trainer,
                            Map.of("memberId", ada, "displayName", "Ada")).status()).isEqualTo(201);
        Map<String, Object> grant = Map.of("labId", lab, "scope", Map.of("machineType", "laser-cutter"),
                                           "level", "AUTONOMOUS", "expiry", Map.of("kind", "never"));
        String first = api.post("/api/members/" + ada + "/certifications", trainer, grant).text("id");
        Instant granted = aMomentLater();
        assertThat(api.post("/api/members/" + ada + "/certifications/" + first + "/revocation", admin,
                            Map.of("reason", "cut a mirror")).status()).isEqualTo(204);
        Instant revoked = aMomentLater();
        assertThat(api.post("/api/members/" + ada + "/certifications", trainer, grant).status()).isEqualTo(201);
        Instant grantedAgain = aMomentLater();

        assertThat(accessListAt(beforeAnything)).isEmpty();
        assertThat(accessListAt(granted)).containsExactly(ada);
        assertThat(accessListAt(revoked)).isEmpty();
        assertThat(accessListAt(grantedAgain)).containsExactly(ada);
        Reply beforeTheMachine = api.get("/api/machines/" + machineId + "/access-list?at=2020-01-01T00:00:00Z", trainer);
        assertThat(beforeTheMachine.status()).isEqualTo(404);
        assertThat(api.get("/api/machines/" + machineId + "/access-list?at=now", trainer).status()).isEqualTo(400);
        assertThat(api.get("/api/machines/" + machineId + "/access-list?at=" + granted, learner(lab)).status())
                .isEqualTo(403);
    }
}
