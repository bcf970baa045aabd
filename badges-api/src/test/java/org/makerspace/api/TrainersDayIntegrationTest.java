package org.makerspace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A trainer's day over HTTP, against the whole application on a real MongoDB wire-protocol server: a lab is set up,
 * a learner is registered, trained and certified (by two trainers at the same moment), earns a badge, and the laser
 * cutter's controller asks whether her card may use it — and is told why not once things change.
 */
class TrainersDayIntegrationTest extends ApiIntegrationTestSupport {

    private static final String CARD = "04:A2:B3:C4:5D:6E:70";
    private static final Duration READ_MODELS = Duration.ofSeconds(15);

    private String lab;
    private String admin;
    private String alice;
    private String bob;
    private String member;

    @BeforeEach
    void labWithMachineAndTrainers() {
        lab = unique("fablab");
        String platform = platformAdmin();
        assertThat(api.post("/api/labs", platform, Map.of("labId", lab, "name", "Fablab " + lab,
                                                          "publicUrl", "https://" + lab + ".example",
                                                          "contactEmail", "contact@" + lab + ".example")).status())
                .isEqualTo(201);
        admin = labAdmin(lab);
        created(api.post("/api/labs/" + lab + "/machines", admin,
                         Map.of("machineId", lab + "-laser", "name", "Trotec Speedy 100", "machineType", "laser-cutter",
                                "riskLevel", "HIGH", "maxSessionMinutes", 120)));
        alice = qualifiedTrainer("alice-" + lab);
        bob = qualifiedTrainer("bob-" + lab);
        member = lab + "-marie";
        created(api.post("/api/labs/" + lab + "/members", alice,
                         Map.of("memberId", member, "displayName", "Marie", "birthYear", 2009)));
    }

    private String qualifiedTrainer(String trainerId) {
        created(api.post("/api/labs/" + lab + "/trainers", admin, Map.of("trainerId", trainerId)));
        assertThat(api.post("/api/labs/" + lab + "/trainers/" + trainerId + "/qualifications", admin,
                            Map.of("machineType", "laser-cutter")).status()).isEqualTo(204);
        Map<String, Object> account = account("TRAINER", lab);
        account.put("trainerId", trainerId);
        return login(createAccount(account), PASSWORD);
    }

    private static Reply created(Reply reply) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        return reply;
    }

    private Map<String, Object> autonomousLaserCertification(String certificationId) {
        return Map.of("certificationId", certificationId, "labId", lab,
                      "scope", Map.of("machineType", "laser-cutter"), "level", "AUTONOMOUS",
                      "expiry", Map.of("kind", "after-period", "period", "P1Y"));
    }

    @Test
    void aLearnerIsTrainedCertifiedByTwoTrainersAtOnceEarnsABadgeAndUsesTheLaser() throws Exception {
        created(api.post("/api/labs/" + lab + "/achievements", admin, Map.of(
                "achievementId", lab + "-laser-pilot", "name", "Pilote laser",
                "description", "Utilise la découpeuse laser en autonomie.",
                "criteria", List.of(Map.of("kind", "training-completed", "courseCode", "laser-basics"),
                                    Map.of("kind", "certification-held", "machineType", "laser-cutter",
                                           "minimumLevel", "AUTONOMOUS")))));
        created(api.post("/api/members/" + member + "/cards", alice, Map.of("cardUid", CARD)));
        created(api.post("/api/members/" + member + "/trainings", alice,
                         Map.of("labId", lab, "courseCode", "laser-basics", "hours", 3.5)));

        // Two trainers certify the same learner at the same moment: both facts are recorded.
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Reply>> certifications = new ArrayList<>();
        for (String[] trainer : new String[][]{{alice, "cert-by-alice"}, {bob, "cert-by-bob"}}) {
            certifications.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return api.post("/api/members/" + member + "/certifications", trainer[0],
                                autonomousLaserCertification(trainer[1]));
            }));
        }
        start.countDown();
        for (CompletableFuture<Reply> certification : certifications) {
            created(certification.get());
        }

        await().atMost(READ_MODELS).untilAsserted(() -> {
            JsonNode passport = api.get("/api/members/" + member + "/passport", alice).body();
            assertThat(passport.path("certifications")).hasSize(2);
            assertThat(passport.path("trainings")).hasSize(1);
            assertThat(passport.path("achievements")).hasSize(1);
        });
        JsonNode passport = api.get("/api/members/" + member + "/passport", alice).body();
        assertThat(passport.path("certifications").get(0).path("status").asText()).isEqualTo("VALID");
        assertThat(passport.path("achievements").get(0).path("achievementId").asText()).isEqualTo(lab + "-laser-pilot");

        String laser = machineKeyWhenCatalogued(lab + "-laser");
        Reply granted = api.post("/api/machines/" + lab + "-laser/access", laser, Map.of("cardUid", CARD));
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.text("decision")).isEqualTo("granted");
        assertThat(granted.text("level")).isEqualTo("autonomous");
        assertThat(granted.body().path("maxSessionMinutes").asInt()).isBetween(1, 120);

        // One certification revoked, the other suspended: the best remaining reason is given.
        assertThat(api.post("/api/members/" + member + "/certifications/cert-by-alice/revocation", admin,
                            Map.of("reason", "left the cutter running unattended")).status()).isEqualTo(204);
        assertThat(api.post("/api/members/" + member + "/certifications/cert-by-bob/suspension", alice,
                            Map.of("reason", "incident under review")).status()).isEqualTo(204);
        await().atMost(READ_MODELS).untilAsserted(() -> {
            Reply denied = api.post("/api/machines/" + lab + "-laser/access", laser, Map.of("cardUid", CARD));
            assertThat(denied.text("decision")).isEqualTo("denied");
            assertThat(denied.text("reason")).isEqualTo("suspended");
        });

        assertThat(api.post("/api/members/" + member + "/certifications/cert-by-bob/reinstatement", alice, Map.of())
                           .status()).isEqualTo(204);
        assertThat(api.post("/api/members/" + member + "/suspension", admin, Map.of("reason", "membership unpaid"))
                           .status()).isEqualTo(204);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.post("/api/machines/" + lab + "-laser/access", laser, Map.of("cardUid", CARD)).text("reason"))
                .isEqualTo("member_suspended"));
        assertThat(api.post("/api/machines/" + lab + "-laser/access", laser, Map.of("cardUid", "DE:AD:BE:EF"))
                           .text("reason")).isEqualTo("unknown_card");
    }

    @Test
    void aTrainerNotQualifiedOnTheMachineTypeCannotCertify() {
        String carol = "carol-" + lab;
        created(api.post("/api/labs/" + lab + "/trainers", admin, Map.of("trainerId", carol)));
        Map<String, Object> account = account("TRAINER", lab);
        account.put("trainerId", carol);
        String carolToken = login(createAccount(account), PASSWORD);

        Reply refused = api.post("/api/members/" + member + "/certifications", carolToken,
                                 autonomousLaserCertification("cert-by-carol"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType().toString()).startsWith("application/problem+json");
        assertThat(refused.text("type")).endsWith("/trainer-not-qualified");
        assertThat(refused.text("detail")).contains(carol).contains("laser-cutter");
    }

    @Test
    void aTrainerCannotRecordInAnotherTrainersName() {
        Reply refused = api.post("/api/members/" + member + "/trainings", alice,
                                 Map.of("labId", lab, "courseCode", "laser-basics", "hours", 2, "trainerId", "bob-" + lab));
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void aLearnerReadsHerOwnPassportAndNobodyElses() {
        Map<String, Object> account = account("LEARNER", lab);
        account.put("memberId", member);
        String marie = login(createAccount(account), PASSWORD);
        String other = lab + "-leo";
        created(api.post("/api/labs/" + lab + "/members", alice, Map.of("memberId", other, "displayName", "Léo")));

        await().atMost(READ_MODELS).untilAsserted(() ->
                assertThat(api.get("/api/members/" + member + "/passport", marie).status()).isEqualTo(200));
        assertThat(api.get("/api/members/" + other + "/passport", marie).status()).isEqualTo(403);
        assertThat(api.get("/api/members/" + member + "/passport", null).status()).isEqualTo(401);
        assertThat(api.post("/api/members/" + member + "/trainings", marie,
                            Map.of("labId", lab, "courseCode", "laser-basics", "hours", 2)).status()).isEqualTo(403);
        assertThat(api.get("/api/members/" + member, marie).text("displayName")).isEqualTo("Marie");
    }

    @Test
    void staffOfAnotherLabCanNeitherReadNorRecord() {
        String otherLab = unique("fablab");
        assertThat(api.post("/api/labs", platformAdmin(), Map.of("labId", otherLab, "name", "Other",
                                                                 "publicUrl", "https://other.example")).status())
                .isEqualTo(201);
        String stranger = labAdmin(otherLab);

        assertThat(api.get("/api/members/" + member + "/passport", stranger).status()).isEqualTo(403);
        assertThat(api.post("/api/members/" + member + "/suspension", stranger, Map.of("reason", "x")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/labs/" + lab + "/machines", stranger,
                            Map.of("machineId", "x-1", "name", "x", "machineType", "drone", "riskLevel", "LOW",
                                   "maxSessionMinutes", 30)).status()).isEqualTo(403);
    }

    @Test
    void aMachineKeyAnswersOnlyForItsOwnMachine() {
        created(api.post("/api/labs/" + lab + "/machines", admin,
                         Map.of("machineId", lab + "-printer", "name", "Prusa MK4", "machineType", "3d-printer",
                                "riskLevel", "LOW", "maxSessionMinutes", 600)));
        String laser = machineKeyWhenCatalogued(lab + "-laser");

        assertThat(api.post("/api/machines/" + lab + "-printer/access", laser, Map.of("cardUid", CARD)).status())
                .isEqualTo(403);
        assertThat(api.post("/api/machines/" + lab + "-laser/access", alice, Map.of("cardUid", CARD)).status())
                .isEqualTo(403);
        assertThat(api.post("/api/machines/" + lab + "-laser/access", null, Map.of("cardUid", CARD)).status())
                .isEqualTo(401);
    }

    @Test
    void badInputIsAProblemAndRecordsNothing() {
        Reply malformed = api.send(HttpMethod.POST, "/api/members/" + member + "/trainings", alice,
                                   MediaType.APPLICATION_JSON, "{\"labId\": \"" + lab + "\", \"hours\": ");
        assertThat(malformed.status()).isEqualTo(400);

        Reply invalid = api.post("/api/members/" + member + "/trainings", alice,
                                 Map.of("labId", lab, "courseCode", "", "hours", -1));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").toString()).contains("courseCode").contains("hours");

        Reply misspelled = api.post("/api/members/" + member + "/trainings", alice,
                                    Map.of("labId", lab, "courseCode", "laser-basics", "hours", 1,
                                           "completedAat", "2026-03-02T10:00:00Z"));
        assertThat(misspelled.status()).isEqualTo(400);
        assertThat(misspelled.text("detail")).contains("completedAat");

        Reply badExpiry = api.post("/api/members/" + member + "/certifications", alice,
                                   Map.of("labId", lab, "scope", Map.of("machineType", "laser-cutter"),
                                          "level", "AUTONOMOUS", "expiry", Map.of("kind", "someday")));
        assertThat(badExpiry.status()).isEqualTo(400);
        assertThat(badExpiry.text("detail")).contains("expiry.kind");

        assertThat(api.post("/api/members/nobody-" + lab + "/trainings", alice,
                            Map.of("labId", lab, "courseCode", "laser-basics", "hours", 1)).status()).isIn(404, 422);
        assertThat(api.get("/api/members/nobody-" + lab + "/passport", admin).status()).isEqualTo(404);

        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/members/" + member + "/passport", alice).body().path("trainings")).isEmpty());
    }

    /** Ten labs register one machine id at the same moment: one gets it, nine are told it is taken. */
    @Test
    void aMachineIdClaimedByTenLabsAtOnceGoesToOne() throws Exception {
        String machineId = unique("shared-laser");
        List<String> labs = new ArrayList<>();
        List<String> admins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String other = unique("fablab");
            admins.add(registeredLab(other));
            labs.add(other);
        }
        ExecutorService clients = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String other = labs.get(i);
            String otherAdmin = admins.get(i);
            answers.add(clients.submit(() -> {
                start.await();
                return api.post("/api/labs/" + other + "/machines", otherAdmin, Map.of(
                        "machineId", machineId, "name", "Laser", "machineType", "laser-cutter", "riskLevel", "HIGH",
                        "maxSessionMinutes", 60)).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(30, TimeUnit.SECONDS));
        }
        clients.shutdown();

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(9);
    }

    /**
     * The lab records today its CNC, in service for a year, and a certification given twenty days ago: who could use
     * the CNC ten days ago answers from those dates, not "not registered yet".
     */
    @Test
    void whoCouldUseAMachineOnAPastDayAnswersFromTheDateItEnteredService() {
        Instant yearAgo = Instant.now().minus(Duration.ofDays(365));
        Instant twentyDaysAgo = Instant.now().minus(Duration.ofDays(20));
        created(api.post("/api/labs/" + lab + "/machines", admin, Map.of(
                "machineId", lab + "-cnc", "name", "CNC", "machineType", "laser-cutter", "riskLevel", "HIGH",
                "maxSessionMinutes", 60, "inServiceSince", yearAgo.toString())));
        Map<String, Object> certification = new HashMap<>(autonomousLaserCertification(lab + "-marie-cnc"));
        certification.put("grantedAt", twentyDaysAgo.toString());
        created(api.post("/api/members/" + member + "/certifications", alice, certification));
        await().atMost(READ_MODELS).untilAsserted(() ->
                assertThat(api.get("/api/machines/" + lab + "-cnc", admin).status()).isEqualTo(200));

        Reply tenDaysAgo = api.get("/api/machines/" + lab + "-cnc/access-list?at="
                                   + Instant.now().minus(Duration.ofDays(10)), admin);
        Reply beforeItsService = api.get("/api/machines/" + lab + "-cnc/access-list?at="
                                         + yearAgo.minus(Duration.ofDays(1)), admin);

        assertThat(tenDaysAgo.status()).as("%s", tenDaysAgo.body()).isEqualTo(200);
        assertThat(tenDaysAgo.body().path("entries").findValuesAsText("memberId")).containsExactly(member);
        assertThat(beforeItsService.status()).isEqualTo(404);
        assertThat(beforeItsService.text("detail")).contains("not in service yet");
    }

    @Test
    void aMachineIdOfAnotherLabCannotBeTaken() {
        String otherLab = unique("fablab");
        api.post("/api/labs", platformAdmin(), Map.of("labId", otherLab, "name", "Other",
                                                      "publicUrl", "https://other.example"));
        await().atMost(READ_MODELS).untilAsserted(() ->
                assertThat(api.get("/api/machines/" + lab + "-laser", admin).status()).isEqualTo(200));

        Reply taken = api.post("/api/labs/" + otherLab + "/machines", labAdmin(otherLab),
                               Map.of("machineId", lab + "-laser", "name", "Laser", "machineType", "laser-cutter",
                                      "riskLevel", "HIGH", "maxSessionMinutes", 60));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("type")).endsWith("/machine-id-taken");
    }

    @Test
    void registeringTheSameMemberTwiceIsAConflict() {
        Reply again = api.post("/api/labs/" + lab + "/members", alice, Map.of("memberId", member, "displayName", "Marie"));
        assertThat(again.status()).isEqualTo(409);
    }

    /**
     * The application died after the ledger recorded the registration and before the directory kept the personal data;
     * the trainer's phone sends the registration again. It is finished, not refused: otherwise the member would be in
     * the ledger for good with no name and no page anyone could open.
     */
    @Test
    void aRegistrationSentAgainAfterACrashBetweenLedgerAndDirectoryIsFinished() {
        String léa = unique("lea");
        created(api.post("/api/labs/" + lab + "/members", alice, Map.of("memberId", léa, "displayName", "Léa")));
        collection("member_directory").deleteOne(new Document("_id", léa));

        Reply again = api.post("/api/labs/" + lab + "/members", alice, Map.of("memberId", léa, "displayName", "Léa"));

        assertThat(again.status()).as("%s", again.body()).isEqualTo(201);
        assertThat(api.get("/api/members/" + léa, alice).text("displayName")).isEqualTo("Léa");
    }

    @Test
    void aRegistrationSentAgainAtAnotherLabIsStillAConflict() {
        String otherLab = unique("other-lab");
        String otherAdmin = registeredLab(otherLab);
        String léa = unique("lea");
        created(api.post("/api/labs/" + lab + "/members", alice, Map.of("memberId", léa, "displayName", "Léa")));
        collection("member_directory").deleteOne(new Document("_id", léa));

        Reply elsewhere = api.post("/api/labs/" + otherLab + "/members", otherAdmin,
                                   Map.of("memberId", léa, "displayName", "Léa"));

        assertThat(elsewhere.status()).as("%s", elsewhere.body()).isEqualTo(409);
        assertThat(api.get("/api/members/" + léa, alice).status()).isEqualTo(404);
    }

    private String machineKeyWhenCatalogued(String machineId) {
        await().atMost(READ_MODELS).untilAsserted(() ->
                assertThat(api.get("/api/machines/" + machineId, admin).status()).isEqualTo(200));
        Reply key = api.post("/api/labs/" + lab + "/machines/" + machineId + "/keys", admin, Map.of());
        assertThat(key.status()).isEqualTo(201);
        return key.text("key");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
