package org.makerspace.api.access.web;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.makerspace.controller.simulator.Controller;
import org.makerspace.controller.simulator.ControllerSettings;
import org.makerspace.controller.simulator.Decision;
import org.makerspace.controller.simulator.SessionEnd;
import org.makerspace.ledger.eventstore.MongoEventStorageEngine;
import org.makerspace.ledger.session.api.MachineSessionEnded;
import org.makerspace.ledger.session.api.MachineSessionStarted;

/**
 * The reference controller (the controller-simulator module) against the running application, online: a grant
 * starts a session the ledger records with the controller's times, and a revocation pushed while the machine runs
 * ends the session as {@code permission_revoked}. Offline and a server stopped in the middle:
 * {@link ControllerSimulatorOfflineIntegrationTest}.
 */
class ControllerSimulatorIntegrationTest extends ApiIntegrationTestSupport {

    private static final Duration READ_MODELS = Duration.ofSeconds(10);
    private static final String UID = "04:C0:FF:EE:12:34:56";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path state;

    private String lab;
    private String trainer;
    private String machineId;
    private Controller controller;

    @BeforeEach
    void aLabWithALaserAndItsControllerRunning() {
        lab = unique("simulated-lab");
        String admin = registeredLab(lab);
        machineId = lab + "-laser";
        registeredMachine(admin, lab, machineId, "laser-cutter", "HIGH");
        trainer = qualifiedTrainer(admin, lab, "laser-cutter");
        Reply setup = controllerSetup(admin, lab, machineId);
        // The access model learns of the machine a moment after the catalog: until then there is no allowlist.
        await().atMost(READ_MODELS).until(() -> api.get("/api/machines/" + machineId + "/allowlist",
                                                        setup.text("key")).status() == 200);
        controller = new Controller(ControllerSettings.of(URI.create("http://localhost:" + port()), machineId,
                                                          setup.text("key"),
                                                          Base64.getDecoder().decode(setup.text("cardKey")), state)
                                            .withMaxReconnectPause(Duration.ofSeconds(1)), Clock.systemUTC());
        controller.start();
        await().atMost(READ_MODELS).until(() -> controller.status().streaming());
    }

    @AfterEach
    void switchOff() {
        controller.close();
    }

    /** A member certified AUTONOMOUS with the card; returns {member id, certification id}. */
    private String[] certifiedWithCard() {
        String member = unique("member");
        assertThat(api.post("/api/labs/" + lab + "/members", trainer, Map.of("memberId", member, "displayName", "M"))
                           .status()).isEqualTo(201);
        Reply certified = api.post("/api/members/" + member + "/certifications", trainer,
                                   Map.of("labId", lab, "scope", Map.of("machineType", "laser-cutter"),
                                          "level", "AUTONOMOUS", "expiry", Map.of("kind", "never")));
        assertThat(certified.status()).as(String.valueOf(certified.body())).isEqualTo(201);
        assertThat(api.post("/api/members/" + member + "/cards", trainer, Map.of("cardUid", UID)).status())
                .isEqualTo(201);
        return new String[] {member, certified.text("id")};
    }

    /** Until the stream has brought the card to the controller's list. */
    private void awaitListed() {
        String card = controller.settings().cards().fingerprint(UID);
        await().atMost(READ_MODELS).until(() -> controller.allowlist().flatMap(list -> list.entry(card)).isPresent());
    }

    @Test
    void anOnlineGrantAndItsSessionAreRecordedWithTheControllersTimes() throws Exception {
        String member = certifiedWithCard()[0];
        awaitListed();

        Decision granted = controller.tap(UID);
        SessionEnd ended = controller.stop("finished").orElseThrow();

        assertThat(granted.granted()).isTrue();
        assertThat(granted.offline()).isFalse();
        assertThat(granted.memberId()).isEqualTo(member);
        await().atMost(READ_MODELS).until(() -> sessionEvents(granted.sessionId()).size() == 2);
        List<JsonNode> events = sessionEvents(granted.sessionId());
        assertThat(events.get(0).path("type").asText()).isEqualTo(MachineSessionStarted.class.getName());
        assertThat(Instant.parse(events.get(0).path("payload").path("startedAt").asText())).isEqualTo(granted.at());
        assertThat(events.get(0).path("payload").path("decidedOffline").asBoolean()).isFalse();
        assertThat(events.get(0).path("payload").path("memberId").asText()).isEqualTo(member);
        assertThat(events.get(1).path("type").asText()).isEqualTo(MachineSessionEnded.class.getName());
        assertThat(Instant.parse(events.get(1).path("payload").path("endedAt").asText())).isEqualTo(ended.endedAt());
        assertThat(events.get(1).path("payload").path("reason").asText()).isEqualTo("finished");
        assertThat(controller.status().queued()).isZero();
    }

    @Test
    void aRevocationPushedMidSessionEndsTheSessionAsPermissionRevoked() throws Exception {
        String[] member = certifiedWithCard();
        awaitListed();
        // Filled on the controller's stream thread.
        List<SessionEnd> ends = new CopyOnWriteArrayList<>();
        controller.onSessionEnded(ends::add);
        Decision granted = controller.tap(UID);
        assertThat(granted.granted()).isTrue();

        Reply revoked = api.post("/api/members/" + member[0] + "/certifications/" + member[1] + "/revocation", trainer,
                                 Map.of("reason", "left the laser unattended"));

        assertThat(revoked.status()).isEqualTo(204);
        await().atMost(READ_MODELS).until(() -> !ends.isEmpty());
        assertThat(controller.status().session()).isNull();
        assertThat(ends).singleElement().satisfies(end -> {
            assertThat(end.sessionId()).isEqualTo(granted.sessionId());
            assertThat(end.reason()).isEqualTo("permission_revoked");
        });
        await().atMost(READ_MODELS).until(() -> sessionEvents(granted.sessionId()).size() == 2);
        JsonNode end = sessionEvents(granted.sessionId()).get(1);
        assertThat(end.path("type").asText()).isEqualTo(MachineSessionEnded.class.getName());
        assertThat(end.path("payload").path("reason").asText()).isEqualTo("permission_revoked");
        assertThat(controller.tap(UID).reason()).as("and the next tap").isEqualTo("revoked");
    }

    /** The session's events as stored, in order: {type, payload} of each. */
    private List<JsonNode> sessionEvents(String sessionId) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        List<Document> commits = collection(MongoEventStorageEngine.COMMITS).find(sessionStream(sessionId))
                .sort(new Document("gp", 1)).into(new ArrayList<>());
        for (Document commit : commits) {
            for (Document event : commit.getList("events", Document.class)) {
                events.add(JSON.createObjectNode().put("type", event.getString("pt"))
                                   .set("payload", JSON.readTree(event.getString("p"))));
            }
        }
        return events;
    }

    /** A session's stream is keyed {@code session:<lab>/<machine>/<id>}. */
    private static Bson sessionStream(String sessionId) {
        return Filters.regex("agg", "^session:[^/]+/[^/]+/" + Pattern.quote(sessionId) + "$");
    }
}
