package org.makerspace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.api.testing.StandaloneApplications.ADMIN;
import static org.makerspace.api.testing.StandaloneApplications.ADMIN_PASSWORD;
import static org.makerspace.api.testing.StandaloneApplications.PASSWORD;
import static org.makerspace.api.testing.StandaloneApplications.createAccount;
import static org.makerspace.api.testing.StandaloneApplications.created;
import static org.makerspace.api.testing.StandaloneApplications.login;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.makerspace.api.testing.ApiClient;
import org.makerspace.api.testing.ChildApplication;
import org.makerspace.api.testing.Reply;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The application killed with SIGKILL while it issues badges, several times, as a lab's server loses power: after
 * every restart the clients send again, with the same ids, what was not acknowledged, and in the end every member whose
 * criteria are met holds exactly one award per achievement, each with one credential that anyone can fetch and that
 * verifies. The application runs in a JVM of its own ({@link ChildApplication}).
 */
class CrashDuringIssuanceIntegrationTest {

    private static final String LAB = "crashlab";
    private static final String MACHINE_TYPE = "laser-cutter";
    private static final int ROUNDS = 4;
    private static final int MEMBERS_PER_ROUND = 24;
    private static final int CLIENTS = 8;
    private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(150);
    /** Each achievement and what meets it; every member below meets all of them. */
    private static final Map<String, List<Map<String, Object>>> ACHIEVEMENTS = new LinkedHashMap<>();

    static {
        ACHIEVEMENTS.put(LAB + "-intro", List.of(Map.of("kind", "training-completed", "courseCode", "intro")));
        ACHIEVEMENTS.put(LAB + "-laser", List.of(
                Map.of("kind", "training-completed", "courseCode", "laser-basics"),
                Map.of("kind", "certification-held", "machineType", MACHINE_TYPE, "minimumLevel", "SUPERVISED")));
        ACHIEVEMENTS.put(LAB + "-helper", List.of(Map.of("kind", "contributions-made", "role", "HELPER", "count", 2)));
    }

    @TempDir
    Path temp;

    private ChildApplication application;
    private final Random random = new Random(Long.getLong("crash.seed", System.nanoTime()));

    @BeforeEach
    void onItsOwnDataDirectory() {
        // Verification is asked for every credential at the end, from one address.
        application = new ChildApplication("crash-during-issuance", temp.resolve("data"), "--ledger.verify.requests-per-minute=100000");
    }

    @AfterEach
    void stop() {
        application.close();
    }

    @Test
    void awardsAndCredentialsAreEffectivelyOnceWhenTheApplicationIsKilledDuringIssuance() throws Exception {
        application.start();
        ApiClient api = new ApiClient(application.port());
        Staff staff = setUpLab(api);
        List<String> members = new ArrayList<>();
        Map<String, Duration> recoveries = new TreeMap<>();

        for (int round = 1; round <= ROUNDS; round++) {
            List<Member> batch = new ArrayList<>();
            for (int i = 0; i < MEMBERS_PER_ROUND; i++) {
                batch.add(new Member(LAB + "-r" + round + "-m" + i, random));
            }
            ApiClient client = new ApiClient(application.port());
            List<Command> unacknowledged = burstKilledAtRandom(client, staff, batch);
            Duration restart = application.start();
            ApiClient again = new ApiClient(application.port());
            Staff relogged = new Staff(login(again, "crash-admin", PASSWORD), login(again, "crash-trainer", PASSWORD));
            resend(again, relogged, unacknowledged);
            batch.forEach(member -> members.add(member.id()));
            long recovering = System.nanoTime();
            awaitEveryAwardWithItsCredential(again, relogged.admin(), members);
            recoveries.put("round " + round + " (" + unacknowledged.size() + " commands sent again, restart "
                           + restart.toMillis() + " ms)", Duration.ofNanos(System.nanoTime() - recovering));
        }

        ApiClient api2 = new ApiClient(application.port());
        String admin = login(api2, "crash-admin", PASSWORD);
        Set<String> statusIndexes = new HashSet<>();
        int credentials = 0;
        for (String member : members) {
            JsonNode awards = api2.get("/api/members/" + member + "/awards", admin).body().path("awards");
            Map<String, Long> perAchievement = new TreeMap<>();
            awards.forEach(award -> perAchievement.merge(award.path("achievementId").asText(), 1L, Long::sum));
            assertThat(perAchievement).as("awards of %s, per achievement", member)
                    .isEqualTo(ACHIEVEMENTS.keySet().stream().collect(Collectors.toMap(id -> id, id -> 1L)));
            for (JsonNode award : awards) {
                String awardId = award.path("awardId").asText();
                Reply credential = api2.get("/ob3/credentials/" + awardId, null);
                assertThat(credential.status()).as("credential of award %s of %s", awardId, member).isEqualTo(200);
                assertThat(statusIndexes.add(credential.body().path("credentialStatus").path("statusListIndex").asText()))
                        .as("status index of %s is its own", awardId).isTrue();
                Reply verified = api2.send(HttpMethod.POST, "/api/verify", null, MediaType.APPLICATION_JSON,
                                           credential.body().toString());
                assertThat(verified.body().path("verified").asBoolean())
                        .as("verification of %s: %s", awardId, verified.body()).isTrue();
                credentials++;
            }
        }
        assertThat(credentials).isEqualTo(ROUNDS * MEMBERS_PER_ROUND * ACHIEVEMENTS.size());
        System.out.printf("CrashDuringIssuanceIntegrationTest: %d credentials; time from a restart until every award and"
                          + " credential was there: %s%n", credentials, recoveries);
    }

    // ---------------------------------------------------------------- the lab

    private record Staff(String admin, String trainer) {
    }

    private static Staff setUpLab(ApiClient api) {
        String platform = login(api, ADMIN, ADMIN_PASSWORD);
        created(api.post("/api/labs", platform, Map.of("labId", LAB, "name", "Fablab du crash",
                                                       "publicUrl", "https://crash.example")));
        String admin = login(api, createAccount(api, platform, "crash-admin", "LAB_ADMIN", LAB, Map.of()), PASSWORD);
        created(api.post("/api/labs/" + LAB + "/machines", admin, Map.of(
                "machineId", LAB + "-laser", "name", "Laser", "machineType", MACHINE_TYPE, "riskLevel", "HIGH",
                "maxSessionMinutes", 120)));
        created(api.post("/api/labs/" + LAB + "/trainers", admin, Map.of("trainerId", LAB + "-camille")));
        assertThat(api.post("/api/labs/" + LAB + "/trainers/" + LAB + "-camille/qualifications", admin,
                            Map.of("machineType", MACHINE_TYPE)).status()).isEqualTo(204);
        String trainer = login(api, createAccount(api, admin, "crash-trainer", "TRAINER", LAB,
                                                  Map.of("trainerId", LAB + "-camille")), PASSWORD);
        ACHIEVEMENTS.forEach((id, criteria) -> created(api.post("/api/labs/" + LAB + "/achievements", admin, Map.of(
                "achievementId", id, "name", "Badge " + id, "description", "Un badge du test", "criteria", criteria))));
        return new Staff(admin, trainer);
    }

    // ---------------------------------------------------------------- the burst

    /** One request with its ids fixed, so that sending it again cannot record a second fact. */
    private record Command(String member, String path, boolean asTrainer, Map<String, Object> body) {
    }

    /** A member and the facts that meet every achievement, each at its own business time in the past. */
    private record Member(String id, List<Command> commands) {

        Member(String id, Random random) {
            this(id, commandsOf(id, random));
        }

        private static List<Command> commandsOf(String id, Random random) {
            Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(200));
            List<Command> facts = new ArrayList<>(List.of(
                    new Command(id, "/api/members/" + id + "/trainings", true, Map.of(
                            "trainingId", id + "-t1", "labId", LAB, "courseCode", "intro", "hours", 2,
                            "completedAt", at(base, random))),
                    new Command(id, "/api/members/" + id + "/trainings", true, Map.of(
                            "trainingId", id + "-t2", "labId", LAB, "courseCode", "laser-basics", "hours", 3,
                            "completedAt", at(base, random))),
                    new Command(id, "/api/members/" + id + "/certifications", true, Map.of(
                            "certificationId", id + "-c1", "labId", LAB, "scope", Map.of("machineType", MACHINE_TYPE),
                            "level", random.nextBoolean() ? "SUPERVISED" : "AUTONOMOUS",
                            "expiry", Map.of("kind", "never"), "grantedAt", at(base, random))),
                    new Command(id, "/api/members/" + id + "/contributions", false, Map.of(
                            "contributionId", id + "-w1", "labId", LAB, "workshop", "Repair café", "role", "HELPER",
                            "hours", 2, "happenedAt", at(base, random))),
                    new Command(id, "/api/members/" + id + "/contributions", false, Map.of(
                            "contributionId", id + "-w2", "labId", LAB, "workshop", "Repair café", "role", "HELPER",
                            "hours", 2, "happenedAt", at(base, random)))));
            Collections.shuffle(facts, random);
            List<Command> all = new ArrayList<>();
            all.add(new Command(id, "/api/labs/" + LAB + "/members", true, Map.of(
                    "memberId", id, "displayName", "Learner " + id, "registeredAt",
                    base.minus(Duration.ofDays(1)).toString())));
            all.addAll(facts);
            return all;
        }

        private static String at(Instant base, Random random) {
            return base.plus(Duration.ofMinutes(random.nextInt(150 * 24 * 60))).toString();
        }
    }

    /**
     * Eight clients record the members' facts (each member's in order, by one client) while the application is killed
     * at a random moment; what they could not get acknowledged is returned, in each member's order.
     */
    private List<Command> burstKilledAtRandom(ApiClient api, Staff staff, List<Member> members) throws Exception {
        ConcurrentLinkedQueue<Member> queue = new ConcurrentLinkedQueue<>(members);
        Map<String, List<Command>> unacknowledged = Collections.synchronizedMap(new LinkedHashMap<>());
        AtomicBoolean down = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Void>> work = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            work.add(clients.submit(() -> {
                for (Member member = queue.poll(); member != null; member = queue.poll()) {
                    List<Command> left = new ArrayList<>(member.commands());
                    while (!left.isEmpty() && !down.get() && acknowledged(api, staff, left.get(0))) {
                        left.remove(0);
                    }
                    if (!left.isEmpty()) {
                        unacknowledged.put(member.id(), left);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(200 + random.nextInt(2500));
        application.kill();
        down.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Future<Void> client : work) {
            client.get(); // a client's failed assertion fails the test
        }
        List<Command> left = new ArrayList<>();
        members.forEach(member -> left.addAll(unacknowledged.getOrDefault(member.id(), List.of())));
        return left;
    }

    /** Sent again after a restart, each member's in order; an id already recorded is refused, which is fine. */
    private static void resend(ApiClient api, Staff staff, List<Command> commands) {
        for (Command command : commands) {
            Reply reply = send(api, staff, command);
            assertThat(reply.status()).as("%s sent again: %s", command.path(), reply.body()).isIn(201, 409);
        }
    }

    private static boolean acknowledged(ApiClient api, Staff staff, Command command) {
        try {
            Reply reply = send(api, staff, command);
            assertThat(reply.status()).as("%s: %s", command.path(), reply.body()).isIn(201, 409, 500, 503);
            return reply.status() == 201 || reply.status() == 409;
        } catch (RuntimeException killed) {
            return false;
        }
    }

    private static Reply send(ApiClient api, Staff staff, Command command) {
        return api.post(command.path(), command.asTrainer() ? staff.trainer() : staff.admin(), command.body());
    }

    /** Until every member holds every achievement and each award's credential is published. */
    private static void awaitEveryAwardWithItsCredential(ApiClient api, String admin, List<String> members)
            throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_DEADLINE.toNanos();
        List<String> missing = List.of();
        while (System.nanoTime() < deadline) {
            missing = missing(api, admin, members);
            if (missing.isEmpty()) {
                return;
            }
            Thread.sleep(250);
        }
        assertThat(missing).as("awards or credentials still missing %s after the restart", RECOVERY_DEADLINE).isEmpty();
    }

    private static List<String> missing(ApiClient api, String admin, List<String> members) {
        List<String> missing = new ArrayList<>();
        for (String member : members) {
            JsonNode awards = api.get("/api/members/" + member + "/awards", admin).body().path("awards");
            Set<String> held = new HashSet<>();
            for (JsonNode award : awards) {
                held.add(award.path("achievementId").asText());
                String awardId = award.path("awardId").asText();
                if (api.get("/ob3/credentials/" + awardId, null).status() != 200) {
                    missing.add(member + ": credential of " + awardId);
                }
            }
            ACHIEVEMENTS.keySet().stream().filter(id -> !held.contains(id))
                    .forEach(id -> missing.add(member + ": award of " + id));
        }
        return missing;
    }
}
