package org.makerspace.api.security;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.IntFunction;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.LoopbackClient;
import org.makerspace.api.testing.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class AuthenticationIntegrationTest extends ApiIntegrationTestSupport {

    @Autowired
    private MeterRegistry meters;

    @Test
    void loginAnswersATokenItsExpiryAndRoles() {
        Reply login = api.post("/api/auth/login", null,
                               Map.of("username", ADMIN_USERNAME.toUpperCase(), "password", ADMIN_PASSWORD));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("token")).matches("[A-Za-z0-9_-]{43}");
        assertThat(Instant.parse(login.text("expiresAt")))
                .isBetween(Instant.now().plusSeconds(11 * 3600), Instant.now().plusSeconds(12 * 3600));
        assertThat(login.body().get("roles").toString()).isEqualTo("[\"PLATFORM_ADMIN\"]");
    }

    @Test
    void unknownUserAndWrongPasswordAreRefusedAlikeAndCounted() {
        double unknownBefore = failures("unknown-user");
        double wrongBefore = failures("wrong-password");

        Reply unknown = api.post("/api/auth/login", null, Map.of("username", "nobody", "password", ADMIN_PASSWORD));
        Reply wrong = api.post("/api/auth/login", null, Map.of("username", ADMIN_USERNAME, "password", "not it at all"));

        for (Reply refused : new Reply[] {unknown, wrong}) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
            assertThat(refused.text("type")).isEqualTo("https://makerspace-ledger.org/problems/login-failed");
        }
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(unknown.text("detail")).isEqualTo("unknown username or wrong password");
        assertThat(failures("unknown-user")).isEqualTo(unknownBefore + 1);
        assertThat(failures("wrong-password")).isEqualTo(wrongBefore + 1);
    }

    @Test
    void bearerTokenOpensTheApi() {
        Reply me = api.get("/api/accounts/me", platformAdmin());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("username")).isEqualTo(ADMIN_USERNAME);
    }

    @Test
    void requestWithoutTokenGetsAProblemWithBearerChallenge() {
        Reply anonymous = api.get("/api/accounts/me", null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(anonymous.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
        assertThat(anonymous.text("type"))
                .isEqualTo("https://makerspace-ledger.org/problems/authentication-required");
        assertThat(anonymous.text("instance")).isEqualTo("/api/accounts/me");
    }

    @Test
    void forgedTokenIsRefused() {
        double before = failures("invalid-token");

        Reply forged = api.get("/api/accounts/me", Secrets.randomToken());

        assertInvalidToken(forged);
        assertThat(failures("invalid-token")).isEqualTo(before + 1);
    }

    @Test
    void expiredTokenIsRefused() {
        String token = platformAdmin();
        collection(AccessTokens.COLLECTION).updateOne(eq("_id", Secrets.hash(token)),
                                                      Updates.set("expiresAt", Date.from(Instant.now().minusSeconds(1))));

        assertInvalidToken(api.get("/api/accounts/me", token));
    }

    @Test
    void loggedOutTokenIsRefused() {
        String token = platformAdmin();
        assertThat(api.get("/api/accounts/me", token).status()).isEqualTo(200);

        Reply logout = api.post("/api/auth/logout", token, null);

        assertThat(logout.status()).isEqualTo(204);
        assertInvalidToken(api.get("/api/accounts/me", token));
        assertThat(collection(AccessTokens.COLLECTION).find(eq("_id", Secrets.hash(token))).first()).isNull();
    }

    @Test
    void tokensAreStoredOnlyAsTheirHash() {
        String token = platformAdmin();

        Document stored = collection(AccessTokens.COLLECTION).find(eq("_id", Secrets.hash(token))).first();

        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(token);
        for (Document any : collection(AccessTokens.COLLECTION).find()) {
            assertThat(any.toJson()).doesNotContain(token);
        }
    }

    @Test
    void passwordChangeRetiresEarlierTokensAndAnswersANewOne() {
        String username = createAccount(account("LAB_ADMIN", unique("lab")));
        String oldToken = login(username, PASSWORD);
        String newPassword = "another long passphrase";

        Reply changed = api.post("/api/accounts/me/password", oldToken,
                                 Map.of("currentPassword", PASSWORD, "newPassword", newPassword));

        assertThat(changed.status()).isEqualTo(200);
        assertInvalidToken(api.get("/api/accounts/me", oldToken));
        assertThat(api.get("/api/accounts/me", changed.text("token")).status()).isEqualTo(200);
        assertThat(api.post("/api/auth/login", null, Map.of("username", username, "password", PASSWORD)).status())
                .isEqualTo(401);
        assertThat(login(username, newPassword)).isNotBlank();
    }

    @Test
    void passwordChangeNeedsTheCurrentPassword() {
        String token = login(createAccount(account("LAB_ADMIN", unique("lab"))), PASSWORD);

        Reply refused = api.post("/api/accounts/me/password", token,
                                 Map.of("currentPassword", "not the password", "newPassword", "long enough now"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type"))
                .isEqualTo("https://makerspace-ledger.org/problems/wrong-current-password");
        assertThat(api.get("/api/accounts/me", token).status()).isEqualTo(200);
    }

    private static void assertInvalidToken(Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(reply.text("type")).isEqualTo("https://makerspace-ledger.org/problems/invalid-token");
    }

    private double failures(String kind) {
        var counter = meters.find(AuthFailures.METER).tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    @LocalServerPort
    private int port;

    /**
     * Sends wrong credentials until the first 429; the bucket refills a token a second meanwhile, so at least its
     * capacity of failures pass first. Returns the number of 401s before it, and the 429.
     */
    private static Map.Entry<Integer, Reply> failUntilThrottled(IntFunction<Reply> attempt) {
        for (int n = 0; n < 300; n++) {
            Reply reply = attempt.apply(n);
            if (reply.status() == 429) {
                return Map.entry(n, reply);
            }
            assertThat(reply.status()).isEqualTo(401);
        }
        throw new AssertionError("no 429 after 300 wrong credentials");
    }

    @Test
    void anAddressSendingTooManyWrongMachineKeysIsThrottledValidKeysAreNot() {
        String lab = unique("throttle-lab");
        String admin = registeredLab(lab);
        registeredMachine(admin, lab, lab + "-laser", "laser-cutter", "HIGH");
        String key = machine(lab, lab + "-laser");
        LoopbackClient guesser = new LoopbackClient(port, "127.0.0.8");
        String path = "/api/machines/" + lab + "-laser/access";
        String body = "{\"memberId\": \"m-1\"}";
        double throttledBefore = meters.counter("ledger.auth.throttled").count();

        Map.Entry<Integer, Reply> throttled = failUntilThrottled(
                n -> guesser.post(path, "mk_guess" + n, "application/json", body));
        Reply rightKeyFromElsewhere = new LoopbackClient(port, "127.0.0.9").post(path, key, "application/json", body);
        Reply rightKeyFromThatAddress = guesser.post(path, key, "application/json", body);

        assertThat(throttled.getKey()).isGreaterThanOrEqualTo(60);
        assertThat(throttled.getValue().contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(throttled.getValue().text("type")).endsWith("/too-many-failed-authentications");
        assertThat(Long.parseLong(throttled.getValue().headers().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
        assertThat(rightKeyFromElsewhere.status()).isEqualTo(200);
        assertThat(rightKeyFromThatAddress.status())
                .as("a valid key is never throttled: a neighbour's stale key must not lock a lab's controllers out")
                .isEqualTo(200);
        assertThat(meters.counter("ledger.auth.throttled").count()).isEqualTo(throttledBefore + 1);
    }

    @Test
    void anAddressSendingTooManyWrongPasswordsIsThrottled() {
        LoopbackClient guesser = new LoopbackClient(port, "127.0.0.10");
        String wrong = "{\"username\": \"" + ADMIN_USERNAME + "\", \"password\": \"guess\"}";

        Map.Entry<Integer, Reply> throttled = failUntilThrottled(
                n -> guesser.post("/api/auth/login", null, "application/json", wrong));

        assertThat(throttled.getKey()).isGreaterThanOrEqualTo(60);
        assertThat(throttled.getValue().text("type")).endsWith("/too-many-failed-authentications");
        assertThat(throttled.getValue().headers().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    }
}
