package org.makerspace.api.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.access.MachineAllowlists;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.makerspace.api.testing.SseClient;
import org.makerspace.machine.protocol.Allowlist;
import org.makerspace.machine.protocol.AllowlistRejected;
import org.makerspace.machine.protocol.Level;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The signed offline allowlist as a controller fetches and checks it: the lab's signature over its machine's cards
 * (fingerprints only), their levels and ends, the machine's settings and how long it may be used offline; cheap to
 * poll; and nobody but the machine's own key may read it.
 */
class MachineAllowlistIntegrationTest extends ApiIntegrationTestSupport {

    private static final Duration READ_MODELS = Duration.ofSeconds(10);
    private static final String UID = "04:A2:B3:C4:D5:E6:F7";

    @Autowired
    private MeterRegistry meters;

    private String lab;
    private String admin;
    private String trainer;
    private ControllerBox laser;

    @BeforeEach
    void aLabWithALaserAndItsController() {
        lab = unique("allowlist-lab");
        admin = registeredLab(lab);
        String machineId = lab + "-laser";
        registeredMachine(admin, lab, machineId, "laser-cutter", "HIGH");
        trainer = qualifiedTrainer(admin, lab, "laser-cutter");
        laser = new ControllerBox(api, port(), machineId, controllerSetup(admin, lab, machineId));
    }

    /** Waits until the list the controller verifies satisfies {@code condition}, and returns it. */
    private Allowlist allowlistWhen(java.util.function.Predicate<Allowlist> condition) {
        return await().atMost(READ_MODELS).ignoreExceptions().until(laser::verifiedAllowlist, condition);
    }

    @Test
    void aControllerVerifiesItsListWithTheLabsPublishedKey() throws Exception {
        certifiedMember(trainer, lab, "laser-cutter", "AUTONOMOUS", UID);
        String card = laser.fingerprint(UID);

        Allowlist allowlist = allowlistWhen(list -> list.entry(card).isPresent());

        assertThat(allowlist.labId()).isEqualTo(lab);
        assertThat(allowlist.machineId()).isEqualTo(laser.machineId);
        assertThat(allowlist.entries()).containsExactly(new Allowlist.Entry(card, Level.AUTONOMOUS, null));
        assertThat(allowlist.inService()).isTrue();
        assertThat(allowlist.maxSessionMinutes()).isEqualTo(120);
        assertThat(allowlist.supervisionMinutes()).isEqualTo(15);
        assertThat(allowlist.openingHours()).as("no hours set: always open").isNull();
        assertThat(Duration.between(allowlist.issuedAt(), allowlist.expiresAt()))
                .as("a HIGH risk machine decides offline for a day at most").isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theDocumentIsACompactJwsOfTheLabsKeyAndNamesNoUid() {
        certifiedMember(trainer, lab, "laser-cutter", "AUTONOMOUS", UID);
        allowlistWhen(list -> !list.entries().isEmpty());

        Reply reply = laser.fetch(null);
        String compact = reply.body().asText();
        String header = decode(compact.split("\\.")[0]);
        String payload = decode(compact.split("\\.")[1]);

        assertThat(reply.contentType()).isEqualTo(MediaType.parseMediaType("application/allowlist+jwt"));
        assertThat(reply.headers().getCacheControl()).contains("no-cache").contains("private");
        assertThat(header).contains("\"alg\":\"EdDSA\"").contains("\"typ\":\"allowlist+jwt\"")
                .contains("\"kid\":\"").contains("/ob3/issuers/" + lab + "/keys/");
        assertThat(payload).contains(laser.fingerprint(UID))
                .doesNotContainIgnoringCase(UID).doesNotContainIgnoringCase(UID.replace(":", ""));
    }

    @Test
    void aTamperedListFailsTheSignatureCheckWithThePublishedKey() {
        certifiedMember(trainer, lab, "laser-cutter", "SUPERVISED", UID);
        allowlistWhen(list -> !list.entries().isEmpty());
        String[] parts = laser.fetch(null).body().asText().split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        int level = new String(payload, StandardCharsets.UTF_8).indexOf("supervised");
        payload[level] = 'S';
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "."
                          + parts[2];

        assertThatThrownBy(() -> laser.verify(tampered))
                .isInstanceOfSatisfying(AllowlistRejected.class, rejected -> assertThat(rejected.reason())
                        .isEqualTo(AllowlistRejected.Reason.BAD_SIGNATURE));
    }

    @Test
    void pollingWithTheETagIsNotModifiedAndSignsNothing() {
        certifiedMember(trainer, lab, "laser-cutter", "AUTONOMOUS", UID);
        allowlistWhen(list -> !list.entries().isEmpty());
        Reply first = laser.fetch(null);
        String etag = first.headers().getETag();
        double signed = meters.counter(MachineAllowlists.SIGNED_METRIC).count();

        Reply again = laser.fetch(null);
        Reply polled = laser.fetch(etag);
        Reply weakly = laser.fetch("W/" + etag);

        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(again.headers().getETag()).isEqualTo(etag);
        assertThat(again.body().asText()).isEqualTo(first.body().asText());
        assertThat(polled.status()).isEqualTo(304);
        assertThat(polled.body().isMissingNode()).isTrue();
        assertThat(polled.headers().getETag()).isEqualTo(etag);
        assertThat(weakly.status()).isEqualTo(304);
        assertThat(meters.counter(MachineAllowlists.SIGNED_METRIC).count()).isEqualTo(signed);
    }

    @Test
    void aChangeOfTheListGivesANewVersionAndETag() throws Exception {
        String member = certifiedMember(trainer, lab, "laser-cutter", "AUTONOMOUS", UID);
        Allowlist before = allowlistWhen(list -> !list.entries().isEmpty());
        String etag = laser.fetch(null).headers().getETag();

        assertThat(api.post("/api/members/" + member + "/suspension", trainer, Map.of("reason", "unpaid fees"))
                           .status()).isEqualTo(204);

        Allowlist after = allowlistWhen(list -> list.entries().isEmpty());
        assertThat(after.version()).isGreaterThan(before.version());
        assertThat(laser.fetch(etag).status()).isEqualTo(200);
    }

    @Test
    void onlyMembersWithACardAreListedAndSupervisedOnesAreListedAsSuch() throws Exception {
        certifiedMember(trainer, lab, "laser-cutter", "AUTONOMOUS", null);
        certifiedMember(trainer, lab, "laser-cutter", "SUPERVISED", UID);
        certifiedMember(qualifiedTrainer(admin, lab, "printer-3d"), lab, "printer-3d", "AUTONOMOUS", "04:00:00:01");

        Allowlist allowlist = allowlistWhen(list -> !list.entries().isEmpty());

        assertThat(allowlist.entries()).containsExactly(new Allowlist.Entry(laser.fingerprint(UID), Level.SUPERVISED,
                                                                            null));
    }

    @Test
    void aMachineOutOfServiceListsNobody() throws Exception {
        certifiedMember(trainer, lab, "laser-cutter", "AUTONOMOUS", UID);
        allowlistWhen(list -> !list.entries().isEmpty());

        assertThat(api.post("/api/labs/" + lab + "/machines/" + laser.machineId + "/out-of-service", trainer,
                            Map.of("reason", "lens cracked")).status()).isEqualTo(204);

        Allowlist allowlist = allowlistWhen(list -> !list.inService());
        assertThat(allowlist.entries()).isEmpty();
    }

    @Test
    void onlyTheMachinesOwnKeyReadsItsListOrOpensItsStream() {
        String other = lab + "-printer";
        registeredMachine(admin, lab, other, "printer-3d", "LOW");
        String otherKey = machine(lab, other);
        String otherLabsMachineKey = otherLabsMachineKey();

        for (String path : new String[] {"/allowlist", "/stream"}) {
            String url = "/api/machines/" + laser.machineId + path;
            assertThat(problem(api.get(url, otherKey), 403)).as("another machine's key on " + path).isTrue();
            assertThat(problem(api.get(url, otherLabsMachineKey), 403)).as("another lab's machine").isTrue();
            assertThat(problem(api.get(url, admin), 403)).as("the lab's admin on " + path).isTrue();
            assertThat(problem(api.get(url, trainer), 403)).as("a trainer on " + path).isTrue();
            assertThat(problem(api.get(url, platformAdmin()), 403)).as("the platform admin on " + path).isTrue();
            assertThat(problem(api.get(url, null), 401)).as("nobody on " + path).isTrue();
        }
        try (SseClient refused = SseClient.open(port(), "/api/machines/" + laser.machineId + "/stream", otherKey)) {
            assertThat(refused.status()).as("asked as an event stream").isEqualTo(403);
            assertThat(refused.header("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        }
    }

    @Test
    void aMachineTheLedgerDoesNotKnowHasNoList() {
        String ghost = lab + "-ghost";
        String key = machine(lab, ghost);

        assertThat(problem(api.get("/api/machines/" + ghost + "/allowlist", key), 404)).isTrue();
        assertThat(problem(api.get("/api/machines/" + ghost + "/stream", key), 404)).isTrue();
    }

    private String otherLabsMachineKey() {
        String otherLab = unique("allowlist-other-lab");
        String otherAdmin = registeredLab(otherLab);
        registeredMachine(otherAdmin, otherLab, otherLab + "-laser", "laser-cutter", "HIGH");
        return machine(otherLab, otherLab + "-laser");
    }

    private static boolean problem(Reply reply, int status) {
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return true;
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
