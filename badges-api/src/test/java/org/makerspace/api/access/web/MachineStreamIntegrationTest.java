package org.makerspace.api.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.access.MachineStreams;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.makerspace.api.testing.SseClient;
import org.makerspace.machine.protocol.Allowlist;
import org.makerspace.machine.protocol.AllowlistChange;
import org.makerspace.machine.protocol.CurrentAllowlist;
import org.makerspace.machine.protocol.Level;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The push side of the controller protocol over a real connection: a controller's stream opens with the current
 * document, then carries each change of its machine's list (a revocation in under a second), expiries when they
 * happen, heartbeats; a machine holds two streams at most; a hung-up stream is dropped.
 */
class MachineStreamIntegrationTest extends ApiIntegrationTestSupport {

    private static final Duration READ_MODELS = Duration.ofSeconds(10);
    /** The requirement: a revocation reaches a connected controller within a second of being recorded. */
    private static final Duration PUSH_BUDGET = Duration.ofSeconds(1);
    private static final String UID = "04:11:22:33:44:55:66";

    @Autowired
    private MeterRegistry meters;

    private final List<SseClient> streams = new ArrayList<>();
    private String lab;
    private String admin;
    private String trainer;
    private ControllerBox laser;

    @BeforeEach
    void aLabWithALaserAndItsController() {
        lab = unique("stream-lab");
        admin = registeredLab(lab);
        String machineId = lab + "-laser";
        registeredMachine(admin, lab, machineId, "laser-cutter", "HIGH");
        trainer = qualifiedTrainer(admin, lab, "laser-cutter");
        laser = new ControllerBox(api, port(), machineId, controllerSetup(admin, lab, machineId));
        // The access model learns of the machine on its own processor, a moment after the catalog does.
        await().atMost(READ_MODELS).until(() -> laser.fetch(null).status() == 200);
    }

    @AfterEach
    void hangUp() {
        streams.forEach(SseClient::close);
    }

    private SseClient connected() {
        SseClient stream = laser.stream();
        streams.add(stream);
        assertThat(stream.status()).isEqualTo(200);
        return stream;
    }

    /** A member certified AUTONOMOUS on lasers with the card; returns {member id, certification id}. */
    private String[] certifiedWithCard(String uid, Map<String, Object> expiry) {
        String member = unique("member");
        assertThat(api.post("/api/labs/" + lab + "/members", trainer, Map.of("memberId", member, "displayName", "M"))
                           .status()).isEqualTo(201);
        Reply certified = api.post("/api/members/" + member + "/certifications", trainer,
                                   Map.of("labId", lab, "scope", Map.of("machineType", "laser-cutter"),
                                          "level", "AUTONOMOUS", "expiry", expiry));
        assertThat(certified.status()).as(String.valueOf(certified.body())).isEqualTo(201);
        assertThat(api.post("/api/members/" + member + "/cards", trainer, Map.of("cardUid", uid)).status())
                .isEqualTo(201);
        return new String[] {member, certified.text("id")};
    }

    /** Opens the controller's stream once the card is on the list, so that the stream starts from it. */
    private SseClient connectedWithCardListed(String card) {
        await().atMost(READ_MODELS).ignoreExceptions()
                .until(laser::verifiedAllowlist, list -> list.entry(card).isPresent());
        SseClient stream = connected();
        stream.next(CurrentAllowlist.EVENT, READ_MODELS);
        return stream;
    }

    @Test
    void aStreamOpensWithTheCurrentDocumentsVersionAndETag() throws Exception {
        SseClient stream = connected();

        CurrentAllowlist current = CurrentAllowlist.fromJson(stream.next(CurrentAllowlist.EVENT, READ_MODELS).data());

        Reply document = laser.fetch(null);
        assertThat(current.etag()).isEqualTo(document.headers().getETag());
        assertThat(current.version()).isEqualTo(laser.verify(document.body().asText()).version());
        assertThat(current.machineId()).isEqualTo(laser.machineId);
        assertThat(stream.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/event-stream"));
        assertThat(stream.header("Cache-Control")).contains("no-store");
        assertThat(stream.header("X-Accel-Buffering")).contains("no");
    }

    @Test
    void aRevocationReachesAConnectedControllerInUnderASecond() {
        String[] member = certifiedWithCard(UID, Map.of("kind", "never"));
        String card = laser.fingerprint(UID);
        SseClient stream = connectedWithCardListed(card);

        Reply revoked = api.post("/api/members/" + member[0] + "/certifications/" + member[1] + "/revocation", trainer,
                                 Map.of("reason", "cut through the honeycomb bed"));
        long recordedAt = System.nanoTime();
        assertThat(revoked.status()).isEqualTo(204);
        SseClient.Event pushed = stream.next(AllowlistChange.EVENT, READ_MODELS);

        Duration latency = Duration.ofNanos(pushed.receivedNanos() - recordedAt);
        AllowlistChange change = AllowlistChange.fromJson(pushed.data());
        assertThat(change.removed()).containsExactly(new AllowlistChange.Removal(card, "revoked"));
        assertThat(change.added()).isEmpty();
        assertThat(latency).as("from the revocation's answer to the controller").isLessThan(PUSH_BUDGET);
    }

    @Test
    void everyKindOfChangeIsPushedWithItsReasonAndKeepsTheHeldListInStepWithTheSignedOne() throws Exception {
        String[] member = certifiedWithCard(UID, Map.of("kind", "never"));
        String card = laser.fingerprint(UID);
        await().atMost(READ_MODELS).ignoreExceptions()
                .until(laser::verifiedAllowlist, list -> list.entry(card).isPresent());
        Allowlist held = laser.verifiedAllowlist();
        SseClient stream = connected();
        stream.next(CurrentAllowlist.EVENT, READ_MODELS);
        String certification = "/api/members/" + member[0] + "/certifications/" + member[1];
        String spare = laser.fingerprint("04:99:88:77");

        held = expect(stream, held, api.post(certification + "/suspension", trainer, Map.of("reason", "review")),
                      card, "suspended");
        held = expect(stream, held, api.post(certification + "/reinstatement", trainer, Map.of()), card, null);
        held = expect(stream, held, api.post("/api/members/" + member[0] + "/cards", trainer,
                                             Map.of("cardUid", "04:99:88:77")), spare, null);
        held = expect(stream, held, api.post("/api/members/" + member[0] + "/cards/unlink", trainer,
                                             Map.of("cardUid", "04:99:88:77", "reason", "lost")), spare,
                      "unknown_card");
        held = expect(stream, held, api.post("/api/members/" + member[0] + "/suspension", trainer,
                                             Map.of("reason", "unpaid")), card, "member_suspended");
        held = expect(stream, held, api.post("/api/members/" + member[0] + "/reinstatement", trainer, Map.of()), card,
                      null);
        String requirement = "/api/labs/" + lab + "/machines/" + laser.machineId + "/requirement";
        held = expect(stream, held, api.put(requirement, admin, Map.of("minimumLevel", "TRAINER")), card,
                      "level_too_low");
        held = expect(stream, held, api.put(requirement, admin, Map.of("minimumLevel", "SUPERVISED")), card, null);
        held = expect(stream, held, api.post("/api/labs/" + lab + "/machines/" + laser.machineId + "/out-of-service",
                                             trainer, Map.of("reason", "lens")), card, "machine_out_of_service");
        assertThat(held.inService()).isFalse();
        held = expect(stream, held, api.post("/api/labs/" + lab + "/machines/" + laser.machineId + "/back-in-service",
                                             trainer, Map.of()), card, null);

        Allowlist signed = laser.verifiedAllowlist();
        assertThat(held.entries()).isEqualTo(signed.entries());
        assertThat(held.version()).isEqualTo(signed.version());
        assertThat(held.inService()).isTrue();
    }

    /**
     * After the request, the next change names the card: removed for {@code reason}, or (reason null) added. The
     * controller applies it to the list it holds, which must follow without a gap.
     */
    private Allowlist expect(SseClient stream, Allowlist held, Reply request, String card, String reason) {
        assertThat(request.status()).as(String.valueOf(request.body())).isBetween(200, 204);
        AllowlistChange change = AllowlistChange.fromJson(stream.next(AllowlistChange.EVENT, READ_MODELS).data());
        if (reason == null) {
            assertThat(change.added()).extracting(Allowlist.Entry::card).containsExactly(card);
        } else {
            assertThat(change.removed()).containsExactly(new AllowlistChange.Removal(card, reason));
        }
        return change.applyTo(held).orElseThrow(() -> new AssertionError("a change was missed before " + change));
    }

    @Test
    void anEntryIsPushedAsExpiredWhenItsEndComes() {
        Instant end = Instant.now().plusSeconds(4);
        certifiedWithCard(UID, Map.of("kind", "on-date", "validUntil", end.toString()));
        String card = laser.fingerprint(UID);
        SseClient stream = connectedWithCardListed(card);

        AllowlistChange change = AllowlistChange.fromJson(stream.next(AllowlistChange.EVENT, READ_MODELS).data());

        assertThat(change.removed()).containsExactly(new AllowlistChange.Removal(card, "expired"));
        assertThat(Instant.now()).isAfterOrEqualTo(end);
    }

    @Test
    void aNewCertificationIsPushedWithItsLevelAndEnd() {
        SseClient stream = connected();
        stream.next(CurrentAllowlist.EVENT, READ_MODELS);
        Instant end = Instant.parse("2031-01-01T00:00:00Z");

        certifiedWithCard(UID, Map.of("kind", "on-date", "validUntil", end.toString()));

        AllowlistChange change = AllowlistChange.fromJson(stream.next(AllowlistChange.EVENT, READ_MODELS).data());
        assertThat(change.added()).containsExactly(new Allowlist.Entry(laser.fingerprint(UID), Level.AUTONOMOUS, end));
    }

    @Test
    void aThirdStreamOfOneMachineEndsTheOldest() {
        SseClient first = connected();
        SseClient second = connected();
        first.next(CurrentAllowlist.EVENT, READ_MODELS);

        SseClient third = connected();

        assertThat(first.endsWithin(READ_MODELS)).as("the oldest stream ends").isTrue();
        third.next(CurrentAllowlist.EVENT, READ_MODELS);
        assertThat(second.endsWithin(Duration.ofSeconds(2))).as("the second stays").isFalse();
    }

    @Test
    void idleStreamsGetHeartbeatsAndAHungUpStreamIsDropped() {
        // The streams earlier tests hung up on go at their next heartbeat; then this one is the only one.
        await().atMost(READ_MODELS).until(() -> openStreams() == 0);
        SseClient stream = connected();
        stream.next(CurrentAllowlist.EVENT, READ_MODELS);
        assertThat(openStreams()).isEqualTo(1);

        assertThat(stream.next(SseClient.COMMENT, Duration.ofSeconds(5)).data()).isEqualTo("heartbeat");
        stream.close();

        await().atMost(READ_MODELS).until(() -> openStreams() == 0);
    }

    private double openStreams() {
        return meters.get(MachineStreams.STREAMS_METRIC).gauge().value();
    }

    @Test
    void pushedChangesAreCountedAndStreamsExposed() {
        SseClient stream = connected();
        stream.next(CurrentAllowlist.EVENT, READ_MODELS);
        double pushed = meters.counter(MachineStreams.PUSHED_METRIC).count();

        certifiedWithCard(UID, Map.of("kind", "never"));
        stream.next(AllowlistChange.EVENT, READ_MODELS);

        // Counted once the write returned, which may be just after the controller read it.
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                meters.counter(MachineStreams.PUSHED_METRIC).count()).isGreaterThan(pushed));
        Reply scrape = api.get("/actuator/prometheus", platformAdmin());
        assertThat(scrape.body().asText()).contains("ledger_access_streams ").contains(
                "ledger_access_changes_pushed_total ").contains("ledger_access_allowlists_signed_total ");
    }
}
