package org.makerspace.api.recognition.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.makerspace.api.testing.LabHistory.client;
import static org.makerspace.api.testing.StandaloneApplications.ADMIN;
import static org.makerspace.api.testing.StandaloneApplications.ADMIN_PASSWORD;
import static org.makerspace.api.testing.StandaloneApplications.PASSWORD;
import static org.makerspace.api.testing.StandaloneApplications.createAccount;
import static org.makerspace.api.testing.StandaloneApplications.created;
import static org.makerspace.api.testing.StandaloneApplications.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.makerspace.api.testing.ApiClient;
import org.makerspace.api.testing.Reply;
import org.makerspace.api.testing.SseClient;
import org.makerspace.api.testing.StandaloneApplications;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Two deployments of the application, as two labs of a network run them: lab A (its own installation, on its own
 * port) certifies a learner and signs her badge; lab B (another installation) trusts A, recognises A's laser badge
 * for its laser cutters, and imports the learner's credential, which opens B's lasers. What A then says of the badge
 * reaches B's machines within one refresh of B's reading of A's status lists: a revocation and a suspension (and its
 * lifting) close or reopen the laser, its controller is told, its allowlist follows and the passport says why; and
 * when A is out of reach longer than B's grace period, the badge stops counting on B's high-risk laser only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerRevocationIntegrationTest {

    private static final Duration REFRESH = Duration.ofSeconds(2);
    private static final Duration GRACE = Duration.ofSeconds(6);
    /** One refresh, the time to read the lists and record what changed, and room for a slow build machine. */
    private static final Duration WITHIN_ONE_REFRESH = REFRESH.multipliedBy(2).plusSeconds(8);
    private static final String LAB_A = "fablab-a";
    private static final String LAB_B = "fablab-b";
    private static final String BIG_LASER = "fablab-b-big-laser";
    private static final String SMALL_LASER = "fablab-b-small-laser";

    @TempDir
    static Path work;

    private StandaloneApplications deploymentA;
    private StandaloneApplications deploymentB;
    private ApiClient a;
    private ApiClient b;
    private String aTrainer;
    private String aAchievementId;
    private String bTrainer;
    private String bigLaserKey;
    private String smallLaserKey;
    private int portA;
    private int portB;

    @BeforeAll
    void twoLabsOfANetwork() {
        portA = freePort();
        deploymentA = new StandaloneApplications(work.resolve("a"), "--server.port=" + portA,
                                                 "--ledger.public-base-url=http://127.0.0.1:" + portA);
        ConfigurableApplicationContext contextA = deploymentA.start(true);
        a = client(contextA);
        String platformA = login(a, ADMIN, ADMIN_PASSWORD);
        created(a.post("/api/labs", platformA, Map.of("labId", LAB_A, "name", "Fablab A",
                                                       "publicUrl", "https://a.example")));
        String aAdmin = login(a, createAccount(a, platformA, "a-admin", "LAB_ADMIN", LAB_A, Map.of()), PASSWORD);
        created(a.post("/api/labs/" + LAB_A + "/trainers", aAdmin, Map.of("trainerId", "a-tom")));
        assertThat(a.post("/api/labs/" + LAB_A + "/trainers/a-tom/qualifications", aAdmin,
                          Map.of("machineType", "laser-cutter")).status()).isEqualTo(204);
        aTrainer = login(a, createAccount(a, aAdmin, "a-tom", "TRAINER", LAB_A, Map.of("trainerId", "a-tom")),
                         PASSWORD);
        created(a.post("/api/labs/" + LAB_A + "/achievements", aAdmin, Map.of(
                "achievementId", "a-laser", "name", "Découpe laser", "description", "Découpe laser en autonomie",
                "criteria", List.of(Map.of("kind", "certification-held", "machineType", "laser-cutter",
                                           "minimumLevel", "AUTONOMOUS")))));
        aAchievementId = "http://127.0.0.1:" + portA + "/ob3/achievements/a-laser";

        deploymentB = new StandaloneApplications(work.resolve("b"), "--server.port=0",
                                                 "--ledger.verify.fetch.allow-http-to-loopback=true",
                                                 "--ledger.partners.status-refresh=" + REFRESH.toMillis() + "ms",
                                                 "--ledger.partners.unreachable-grace=" + GRACE.toMillis() + "ms");
        ConfigurableApplicationContext contextB = deploymentB.start(true);
        b = client(contextB);
        portB = contextB.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        String platformB = login(b, ADMIN, ADMIN_PASSWORD);
        created(b.post("/api/labs", platformB, Map.of("labId", LAB_B, "name", "Fablab B",
                                                       "publicUrl", "https://b.example")));
        String bAdmin = login(b, createAccount(b, platformB, "b-admin", "LAB_ADMIN", LAB_B, Map.of()), PASSWORD);
        created(b.post("/api/labs/" + LAB_B + "/trainers", bAdmin, Map.of("trainerId", "b-eva")));
        bTrainer = login(b, createAccount(b, bAdmin, "b-eva", "TRAINER", LAB_B, Map.of("trainerId", "b-eva")),
                         PASSWORD);
        created(b.post("/api/labs/" + LAB_B + "/machines", bAdmin, Map.of(
                "machineId", BIG_LASER, "name", "Grande découpe laser", "machineType", "laser-cutter",
                "riskLevel", "HIGH", "maxSessionMinutes", 120)));
        created(b.post("/api/labs/" + LAB_B + "/machines", bAdmin, Map.of(
                "machineId", SMALL_LASER, "name", "Petite découpe laser", "machineType", "laser-cutter",
                "riskLevel", "LOW", "maxSessionMinutes", 60)));
        created(b.post("/api/labs/" + LAB_B + "/partners", bAdmin, Map.of(
                "partnerIssuerId", "http://127.0.0.1:" + portA + "/ob3/issuers/" + LAB_A, "partnerName", "Fablab A")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                b.get("/api/labs/" + LAB_B + "/partners", null).body().path("partners")).isNotEmpty());
        created(b.post("/api/labs/" + LAB_B + "/partners/recognised-achievements", bAdmin, Map.of(
                "partnerIssuerId", "http://127.0.0.1:" + portA + "/ob3/issuers/" + LAB_A,
                "partnerAchievementId", aAchievementId, "machines", Map.of("machineType", "laser-cutter"),
                "level", "AUTONOMOUS")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(b.get("/api/machines/" + SMALL_LASER, bAdmin).status()).isEqualTo(200));
        bigLaserKey = created(b.post("/api/labs/" + LAB_B + "/machines/" + BIG_LASER + "/keys", bAdmin, Map.of()))
                .text("key");
        smallLaserKey = created(b.post("/api/labs/" + LAB_B + "/machines/" + SMALL_LASER + "/keys", bAdmin,
                                       Map.of())).text("key");
    }

    @AfterAll
    void stopBoth() {
        if (deploymentB != null) {
            deploymentB.close();
        }
        if (deploymentA != null) {
            deploymentA.close();
        }
    }

    @Test
    @Order(1)
    void aRevocationAtTheIssuingLabReachesTheOtherLabsLaserWithinOneRefresh() {
        Learner learner = certifiedAtAAndImportedAtB("ines", "04:11:22:33:44:55:66");
        try (SseClient stream = SseClient.open(portB, "/api/machines/" + BIG_LASER + "/stream", bigLaserKey)) {
            stream.next("allowlist", Duration.ofSeconds(10));
            assertThat(allowlistedCards(BIG_LASER, bigLaserKey)).isEqualTo(1);

            assertThat(a.post("/api/members/" + learner.memberAtA() + "/certifications/" + learner.certificationAtA()
                              + "/revocation", aTrainer, Map.of("reason", "a mis la machine en danger"))
                               .status()).isEqualTo(204);
            Instant revoked = Instant.now();

            await().atMost(WITHIN_ONE_REFRESH).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertThat(atTheMachine(BIG_LASER, bigLaserKey, learner).text("reason")).isEqualTo("revoked"));
            Duration propagation = Duration.between(revoked, Instant.now());
            System.out.printf("Partner revocation reached the other lab's laser in %d ms (refresh %d ms)%n",
                              propagation.toMillis(), REFRESH.toMillis());
            assertThat(stream.next("change", Duration.ofSeconds(5)).data()).as("the controller is told")
                    .contains("revoked");
        }
        assertThat(allowlistedCards(BIG_LASER, bigLaserKey)).isZero();
        assertThat(atTheMachine(SMALL_LASER, smallLaserKey, learner).text("reason")).isEqualTo("revoked");
        JsonNode partnerCredential = partnerCredentialInThePassport(learner);
        assertThat(partnerCredential.path("issuerStatus").asText()).isEqualTo("REVOKED");
        assertThat(partnerCredential.path("issuerStatusSince").asText()).isNotEmpty();
    }

    @Test
    @Order(2)
    void aSuspensionAtTheIssuingLabClosesTheOtherLabsLaserUntilItIsLifted() {
        Learner learner = certifiedAtAAndImportedAtB("jade", "04:11:22:33:44:55:77");
        String certification = "/api/members/" + learner.memberAtA() + "/certifications/"
                               + learner.certificationAtA();

        assertThat(a.post(certification + "/suspension", aTrainer, Map.of("reason", "formation à refaire"))
                           .status()).isEqualTo(204);
        await().atMost(WITHIN_ONE_REFRESH).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(atTheMachine(BIG_LASER, bigLaserKey, learner).text("reason")).isEqualTo("suspended"));
        assertThat(partnerCredentialInThePassport(learner).path("issuerStatus").asText()).isEqualTo("SUSPENDED");

        assertThat(a.post(certification + "/reinstatement", aTrainer, Map.of()).status()).isEqualTo(204);
        await().atMost(WITHIN_ONE_REFRESH).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(atTheMachine(BIG_LASER, bigLaserKey, learner).text("decision")).isEqualTo("granted"));
        assertThat(partnerCredentialInThePassport(learner).path("issuerStatus").asText()).isEqualTo("ACTIVE");
    }

    /** Last: it stops deployment A. */
    @Test
    @Order(3)
    void anIssuerOutOfReachLongerThanTheGracePeriodStopsCountingOnHighRiskMachinesOnly() {
        Learner learner = certifiedAtAAndImportedAtB("karim", "04:11:22:33:44:55:88");
        await().atMost(WITHIN_ONE_REFRESH).untilAsserted(() -> assertThat(
                partnerCredentialInThePassport(learner).path("issuerStatus").asText()).isEqualTo("ACTIVE"));

        deploymentA.close();
        Instant outOfReach = Instant.now();

        await().atMost(GRACE.plus(WITHIN_ONE_REFRESH)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(atTheMachine(BIG_LASER, bigLaserKey, learner).text("reason"))
                        .isEqualTo("partner_status_unavailable"));
        assertThat(Duration.between(outOfReach, Instant.now())).as("not before the grace period").isGreaterThan(
                GRACE.minus(REFRESH));
        assertThat(atTheMachine(SMALL_LASER, smallLaserKey, learner).text("decision")).as("a low-risk laser")
                .isEqualTo("granted");
        JsonNode partnerCredential = partnerCredentialInThePassport(learner);
        assertThat(partnerCredential.path("issuerStatus").asText()).isEqualTo("UNREACHABLE");
        assertThat(Instant.parse(partnerCredential.path("lastConfirmedAt").asText())).isBefore(outOfReach);
    }

    // ---------------------------------------------------------------- the two labs

    private record Learner(String memberAtA, String certificationAtA, String memberAtB, String card) {
    }

    /**
     * A learner certified on lasers at A, whose badge A signs; registered at B with the same address, her card
     * linked, and her badge imported by B's trainer: B's big laser lets her in on it.
     */
    private Learner certifiedAtAAndImportedAtB(String name, String card) {
        String email = name + "@example.org";
        String memberAtA = "a-" + name;
        String certification = memberAtA + "-laser";
        created(a.post("/api/labs/" + LAB_A + "/members", aTrainer, Map.of(
                "memberId", memberAtA, "displayName", name, "email", email)));
        created(a.post("/api/members/" + memberAtA + "/certifications", aTrainer, Map.of(
                "certificationId", certification, "labId", LAB_A, "scope", Map.of("machineType", "laser-cutter"),
                "level", "AUTONOMOUS", "expiry", Map.of("kind", "never"))));
        String awardId = await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode awards = a.get("/api/members/" + memberAtA + "/awards", aTrainer).body();
            return awards.findValuesAsText("awardId").stream().findFirst().orElse(null);
        }, id -> id != null);
        String credential = await().atMost(Duration.ofSeconds(30)).until(() -> {
            Reply signed = a.get("/ob3/credentials/" + awardId, null);
            return signed.status() == 200 ? signed.body().toString() : null;
        }, body -> body != null);

        String memberAtB = "b-" + name;
        created(b.post("/api/labs/" + LAB_B + "/members", bTrainer, Map.of(
                "memberId", memberAtB, "displayName", name, "email", email)));
        created(b.post("/api/members/" + memberAtB + "/cards", bTrainer, Map.of("cardUid", card)));
        Reply imported = b.send(HttpMethod.POST, "/api/members/" + memberAtB + "/imported-credentials", bTrainer,
                                MediaType.valueOf("application/vc+ld+json"), credential);
        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(201);
        Learner learner = new Learner(memberAtA, certification, memberAtB, card);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Reply answer = atTheMachine(BIG_LASER, bigLaserKey, learner);
            assertThat(answer.text("decision")).as("%s", answer.body()).isEqualTo("granted");
            assertThat(answer.text("partnerCredentialId")).isNotNull();
        });
        return learner;
    }

    private Reply atTheMachine(String machine, String key, Learner learner) {
        return b.post("/api/machines/" + machine + "/access", key, Map.of("cardUid", learner.card()));
    }

    private JsonNode partnerCredentialInThePassport(Learner learner) {
        return b.get("/api/members/" + learner.memberAtB() + "/passport", bTrainer).body()
                .path("partnerCredentials").get(0);
    }

    /** How many cards the machine's signed allowlist lists: its payload, read without checking the signature. */
    private int allowlistedCards(String machine, String key) {
        String jws = b.get("/api/machines/" + machine + "/allowlist", key).body().asText();
        String payload = new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);
        try {
            return new ObjectMapper().readTree(payload).path("entries").size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
