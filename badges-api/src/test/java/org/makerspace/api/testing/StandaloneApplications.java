package org.makerspace.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.makerspace.api.BadgesApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as a lab runs it, for tests that stop and start it: each start is a real
 * {@link SpringApplicationBuilder} run of {@link BadgesApplication} on the embedded default (no MongoDB URI, unless a
 * setting names one: a second node of another's embedded server) in one data directory, with its settings as command-line arguments, which outrank the environment's {@code LEDGER_*}
 * variables. Closing stops whatever still runs.
 */
public final class StandaloneApplications implements AutoCloseable {

    public static final String ADMIN = ApiIntegrationTestSupport.ADMIN_USERNAME;
    public static final String ADMIN_PASSWORD = ApiIntegrationTestSupport.ADMIN_PASSWORD;
    public static final String PASSWORD = ApiIntegrationTestSupport.PASSWORD;

    private final Path dataDir;
    private final List<String> settings;
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    /** {@code settings}: further command-line arguments of every start, such as {@code --server.port=0}. */
    public StandaloneApplications(Path dataDir, String... settings) {
        this.dataDir = dataDir;
        this.settings = List.of(settings);
    }

    /** Starts the application; with {@code bootstrapAdmin}, the platform admin {@link #ADMIN} is provisioned. */
    public ConfigurableApplicationContext start(boolean bootstrapAdmin) {
        List<String> args = new ArrayList<>();
        if (settings.stream().noneMatch(setting -> setting.startsWith("--ledger.mongodb.uri="))) {
            args.add("--ledger.mongodb.uri=");
        }
        args.add("--ledger.data-dir=" + dataDir);
        args.addAll(settings);
        args.add("--ledger.bootstrap.admin-username=" + (bootstrapAdmin ? ADMIN : ""));
        args.add("--ledger.bootstrap.admin-password=" + (bootstrapAdmin ? ADMIN_PASSWORD : ""));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BadgesApplication.class)
                .run(args.toArray(String[]::new));
        running.add(context);
        return context;
    }

    /** Stops the application started first of those still running. */
    public void stopOldest() {
        running.remove(0).close();
    }

    @Override
    public void close() {
        running.forEach(ConfigurableApplicationContext::close);
        running.clear();
    }

    /** Creates an account of this role in the lab as the platform admin, password {@link #PASSWORD}; its username. */
    public static String createAccount(ApiClient api, String platformAdmin, String username, String role,
                                       String labId, Map<String, Object> extra) {
        Map<String, Object> account = new LinkedHashMap<>(Map.of("username", username, "password", PASSWORD,
                                                                 "roles", List.of(role), "labId", labId));
        account.putAll(extra);
        created(api.post("/api/accounts", platformAdmin, account));
        return username;
    }

    public static String login(ApiClient api, String username, String password) {
        Reply login = api.post("/api/auth/login", null, Map.of("username", username, "password", password));
        assertThat(login.status()).as("login of %s: %s", username, login.body()).isEqualTo(200);
        return login.text("token");
    }

    public static Reply created(Reply reply) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        return reply;
    }
}
