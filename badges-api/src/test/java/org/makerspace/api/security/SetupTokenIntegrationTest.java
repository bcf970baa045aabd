package org.makerspace.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.makerspace.api.testing.ApiClient;
import org.makerspace.api.testing.Reply;
import org.makerspace.api.testing.TestStorage;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A first start without {@code ledger.bootstrap.*}: the setup token is read from the log, as an operator would.
 * This needs a context (and a database) of its own, the only one besides the shared one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SetupTokenIntegrationTest {

    private static final Pattern SETUP_TOKEN = Pattern.compile("setup token: ([A-Za-z0-9_-]{43})");

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.use(registry);
    }

    @Test
    void setupTokenFromTheLogCreatesTheFirstAdministratorOnce(CapturedOutput output) {
        ApiClient api = new ApiClient(port);
        assertThat(output.getAll()).contains("First start: create the first administrator with POST /api/setup");
        Matcher token = SETUP_TOKEN.matcher(output.getAll());
        assertThat(token.find()).as("the setup token in the log").isTrue();
        Map<String, String> setup = Map.of("setupToken", token.group(1), "username", "Founder",
                                           "password", "a long first password");

        Reply wrongToken = api.post("/api/setup", null, Map.of("setupToken", Secrets.randomToken(),
                                                                "username", "mallory",
                                                                "password", "a long first password"));
        Reply first = api.post("/api/setup", null, setup);
        Reply second = api.post("/api/setup", null, setup);

        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("username")).isEqualTo("founder");
        assertThat(first.body().get("roles").toString()).isEqualTo("[\"PLATFORM_ADMIN\"]");
        assertThat(second.status()).isEqualTo(404);
        assertThat(second.text("type")).isEqualTo("https://makerspace-ledger.org/problems/not-found");
        Reply login = api.post("/api/auth/login", null, Map.of("username", "founder",
                                                               "password", "a long first password"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().get("roles").toString()).isEqualTo("[\"PLATFORM_ADMIN\"]");
    }
}
