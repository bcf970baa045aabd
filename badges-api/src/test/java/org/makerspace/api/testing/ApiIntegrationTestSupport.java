package org.makerspace.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.makerspace.api.member.MemberDirectory;
import org.makerspace.api.member.MemberProfile;
import org.makerspace.api.security.MachineKeys;
import org.makerspace.ledger.storage.LedgerStorage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the application's integration tests: the whole application on a random port, on the test MongoDB
 * ({@link TestStorage}), with a PLATFORM_ADMIN provisioned from {@code ledger.bootstrap.*} and the
 * {@link ApiTestConfiguration probe endpoints}. Every subclass that adds no configuration of its own shares one
 * Spring context, so keep it that way: tests make their own accounts, labs and machines with unique names rather than
 * a context of their own.
 *
 * <p>Logging in as each role: {@link #platformAdmin()}, {@link #labAdmin(String)}, {@link #trainer(String)},
 * {@link #learner(String)} (or {@link #learner(String, String)} for a given member) return a bearer token of a new
 * account of that role (but the platform admin, which is the bootstrap one); {@link #machine(String, String)} returns
 * a machine key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ledger.bootstrap.admin-username=" + ApiIntegrationTestSupport.ADMIN_USERNAME,
                "ledger.bootstrap.admin-password=" + ApiIntegrationTestSupport.ADMIN_PASSWORD,
                // Partners in tests are tiny servers on loopback, over plain http.
                "ledger.verify.fetch.allow-http-to-loopback=true",
                // Controllers' streams: a heartbeat a second, so that a hung-up stream is noticed within a test.
                "ledger.machines.allowlist.heartbeat=1s"
        })
@AutoConfigureObservability(tracing = false)
@Import(ApiTestConfiguration.class)
public abstract class ApiIntegrationTestSupport {

    public static final String ADMIN_USERNAME = "platform-admin";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";
    /** The password of every account the helpers create. */
    public static final String PASSWORD = "twelve chars or more";

    private static final AtomicInteger names = new AtomicInteger();

    @Autowired
    private MemberDirectory memberDirectory;

    @LocalServerPort
    private int port;
    @Autowired
    private LedgerStorage storage;
    @Autowired
    private MachineKeys machineKeys;

    /** The HTTP client of the running application. */
    protected ApiClient api;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.use(registry);
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    /** The port the application listens on, for clients other than {@link #api} (a stream reader, say). */
    protected int port() {
        return port;
    }

    /** A name no other test uses, such as {@code lab-17}: tests share one database. */
    protected static String unique(String prefix) {
        return prefix + "-" + names.incrementAndGet();
    }

    /** A collection of the application's database, read through the driver. */
    protected MongoCollection<Document> collection(String name) {
        return storage.database().getCollection(name);
    }

    /** A token of the bootstrap PLATFORM_ADMIN. */
    protected String platformAdmin() {
        return login(ADMIN_USERNAME, ADMIN_PASSWORD);
    }

    /** A token of a new LAB_ADMIN of this lab. */
    protected String labAdmin(String labId) {
        return login(createAccount(account("LAB_ADMIN", labId)), PASSWORD);
    }

    /**
     * A token of a new TRAINER of this lab, with a trainer the lab registers for it (and the lab, if the ledger does not
     * know it yet: a trainer account is bound to a trainer the lab registered).
     */
    protected String trainer(String labId) {
        String trainerId = unique("trainer");
        Reply lab = api.post("/api/labs", platformAdmin(), Map.of("labId", labId, "name", "Fablab " + labId,
                                                                  "publicUrl", "https://" + labId + ".example"));
        assertThat(lab.status()).as("registering lab %s: %s", labId, lab.body()).isIn(201, 409);
        Reply registered = api.post("/api/labs/" + labId + "/trainers", platformAdmin(), Map.of("trainerId", trainerId));
        assertThat(registered.status()).as("registering trainer %s in %s: %s", trainerId, labId, registered.body())
                .isEqualTo(201);
        Map<String, Object> account = account("TRAINER", labId);
        account.put("trainerId", trainerId);
        return login(createAccount(account), PASSWORD);
    }

    /** A token of a new LEARNER of this lab, with a member id of its own. */
    protected String learner(String labId) {
        return learner(labId, knownMember(labId));
    }

    /** A token of a new LEARNER account of this lab, bound to this member (who must be the lab's). */
    protected String learner(String labId, String memberId) {
        Map<String, Object> account = account("LEARNER", labId);
        account.put("memberId", memberId);
        return login(createAccount(account), PASSWORD);
    }

    /**
     * Runs a request file of {@code docs/requests} against this server, as the platform admin, in a lab of its own;
     * fails on the first request that does not answer as the file says. Returns every exchange, in order.
     */
    protected List<HttpFileRunner.Exchange> runWalkthrough(String projectFile, String labPrefix) {
        HttpFileRunner.HttpFile walkthrough = HttpFileRunner.read(HttpFileRunner.projectFile(projectFile));
        List<HttpFileRunner.Exchange> exchanges = new HttpFileRunner(30, Duration.ofMillis(500)).run(walkthrough, Map.of(
                "baseUrl", "http://localhost:" + port,
                "adminUser", ADMIN_USERNAME,
                "adminPassword", ADMIN_PASSWORD,
                "lab", unique(labPrefix)));
        assertThat(exchanges).hasSameSizeAs(walkthrough.requests());
        return exchanges;
    }

    /**
     * A member the member directory knows in this lab, as a learner account requires; for tests about accounts and
     * access rules that need no history in the ledger.
     */
    protected String knownMember(String labId) {
        String memberId = unique("member");
        memberDirectory.save(new MemberProfile(memberId, labId, "Learner " + memberId, null, null, false));
        return memberId;
    }

    /** Registers a lab as the platform admin does; returns a token of a new admin of it. */
    protected String registeredLab(String labId) {
        Reply registered = api.post("/api/labs", platformAdmin(), Map.of("labId", labId, "name", "Fablab " + labId,
                                                                         "publicUrl", "https://" + labId + ".example"));
        assertThat(registered.status()).as("registering lab %s: %s", labId, registered.body()).isEqualTo(201);
        return labAdmin(labId);
    }

    /** Registers a machine of this type (a code such as {@code laser-cutter}) in the lab, as its admin. */
    protected void registeredMachine(String labAdmin, String labId, String machineId, String machineType,
                                     String riskLevel) {
        Reply registered = api.post("/api/labs/" + labId + "/machines", labAdmin,
                                    Map.of("machineId", machineId, "name", "Machine " + machineId,
                                           "machineType", machineType, "riskLevel", riskLevel,
                                           "maxSessionMinutes", 120));
        assertThat(registered.status()).as("registering machine %s: %s", machineId, registered.body()).isEqualTo(201);
    }

    /** A token of a new TRAINER account of a trainer the lab registers and qualifies on this machine type. */
    protected String qualifiedTrainer(String labAdmin, String labId, String machineType) {
        String trainerId = unique("trainer");
        assertThat(api.post("/api/labs/" + labId + "/trainers", labAdmin, Map.of("trainerId", trainerId)).status())
                .isEqualTo(201);
        assertThat(api.post("/api/labs/" + labId + "/trainers/" + trainerId + "/qualifications", labAdmin,
                            Map.of("machineType", machineType)).status()).isEqualTo(204);
        Map<String, Object> account = account("TRAINER", labId);
        account.put("trainerId", trainerId);
        return login(createAccount(account), PASSWORD);
    }

    /**
     * Registers a member in the lab (as this trainer), certifies them on the machine type at this level, never
     * expiring, and links this card if one is given; returns the member id.
     */
    protected String certifiedMember(String trainer, String labId, String machineType, String level, String cardUid) {
        String memberId = unique("member");
        Reply registered = api.post("/api/labs/" + labId + "/members", trainer,
                                    Map.of("memberId", memberId, "displayName", "Learner " + memberId));
        assertThat(registered.status()).as("registering %s: %s", memberId, registered.body()).isEqualTo(201);
        Reply certified = api.post("/api/members/" + memberId + "/certifications", trainer,
                                   Map.of("labId", labId, "scope", Map.of("machineType", machineType),
                                          "level", level, "expiry", Map.of("kind", "never")));
        assertThat(certified.status()).as("certifying %s: %s", memberId, certified.body()).isEqualTo(201);
        if (cardUid != null) {
            Reply linked = api.post("/api/members/" + memberId + "/cards", trainer, Map.of("cardUid", cardUid));
            assertThat(linked.status()).as("linking a card to %s: %s", memberId, linked.body()).isEqualTo(201);
        }
        return memberId;
    }

    /**
     * What a controller is set up with ({@code key}, {@code cardKey}), issued by the lab's admin over the API once the
     * catalog knows the machine (a moment after its registration).
     */
    protected Reply controllerSetup(String labAdmin, String labId, String machineId) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> api.post("/api/labs/" + labId + "/machines/" + machineId + "/keys", labAdmin, Map.of()),
                reply -> reply.status() == 201);
    }

    /** A machine key of this machine, issued as its controller would have it issued. */
    protected String machine(String labId, String machineId) {
        return machineKeys.issue(labId, machineId).key();
    }

    /** The body of {@code POST /api/accounts} for a new account of this role and lab, password {@link #PASSWORD}. */
    protected static Map<String, Object> account(String role, String labId) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("username", unique(role.toLowerCase().replace('_', '-')));
        account.put("password", PASSWORD);
        account.put("roles", new String[] {role});
        account.put("labId", labId);
        return account;
    }

    /** Creates the account as the platform admin; returns its username. */
    protected String createAccount(Map<String, Object> account) {
        Reply created = api.post("/api/accounts", platformAdmin(), account);
        assertThat(created.status()).as("creating %s: %s", account.get("username"), created.body()).isEqualTo(201);
        return created.text("username");
    }

    protected String login(String username, String password) {
        Reply login = api.post("/api/auth/login", null, Map.of("username", username, "password", password));
        assertThat(login.status()).as("login of %s: %s", username, login.body()).isEqualTo(200);
        return login.text("token");
    }
}
