package org.makerspace.api.security;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.makerspace.ledger.eventstore.MongoEventStorageEngine;

class AccountsIntegrationTest extends ApiIntegrationTestSupport {

    @Test
    void platformAdminCreatesALabAdmin() {
        String lab = unique("lab");
        Map<String, Object> account = account("LAB_ADMIN", lab);

        Reply created = api.post("/api/accounts", platformAdmin(), account);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("username")).isEqualTo(account.get("username"));
        assertThat(created.text("labId")).isEqualTo(lab);
        assertThat(created.body().has("password")).isFalse();
        assertThat(created.body().has("passwordHash")).isFalse();
    }

    @Test
    void labAdminCreatesTrainersOfTheirOwnLab() {
        String lab = unique("lab");
        String admin = registeredLab(lab);
        Map<String, Object> trainer = account("TRAINER", lab);
        trainer.put("trainerId", unique("trainer"));
        assertThat(api.post("/api/labs/" + lab + "/trainers", admin, Map.of("trainerId", trainer.get("trainerId")))
                           .status()).isEqualTo(201);

        Reply created = api.post("/api/accounts", admin, trainer);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("trainerId")).isEqualTo(trainer.get("trainerId"));
    }

    @Test
    void labAdminCannotCreateAccountsOfAnotherLab() {
        Map<String, Object> learner = account("LEARNER", unique("other-lab"));
        learner.put("memberId", unique("member"));

        Reply refused = api.post("/api/accounts", labAdmin(unique("lab")), learner);

        assertAccessDenied(refused);
        assertThat(collection(Accounts.COLLECTION).find(eq("_id", learner.get("username"))).first()).isNull();
    }

    @Test
    void aLearnerAccountBindsOnlyAMemberOfItsOwnLab() {
        String lab = unique("lab");
        String otherLabsMember = knownMember(unique("other-lab"));
        Map<String, Object> learner = account("LEARNER", lab);
        learner.put("memberId", otherLabsMember);

        assertAccessDenied(api.post("/api/accounts", labAdmin(lab), learner));
        assertAccessDenied(api.post("/api/accounts", platformAdmin(), learner));
        learner.put("memberId", unique("nobody"));
        assertThat(api.post("/api/accounts", labAdmin(lab), learner).status()).isEqualTo(400);
        learner.put("memberId", knownMember(lab));
        assertThat(api.post("/api/accounts", labAdmin(lab), learner).status()).isEqualTo(201);
    }

    @Test
    void labAdminCannotCreateAPlatformAdmin() {
        String lab = unique("lab");
        Map<String, Object> admin = account("PLATFORM_ADMIN", null);

        assertAccessDenied(api.post("/api/accounts", labAdmin(lab), admin));
    }

    @Test
    void trainerCannotCreateAccounts() {
        String lab = unique("lab");
        Map<String, Object> learner = account("LEARNER", lab);
        learner.put("memberId", unique("member"));

        assertAccessDenied(api.post("/api/accounts", trainer(lab), learner));
    }

    @Test
    void learnerSeesOnlyThemself() {
        String lab = unique("lab");
        String learner = learner(lab);
        Map<String, Object> another = account("LEARNER", lab);
        another.put("memberId", unique("member"));

        Reply me = api.get("/api/accounts/me", learner);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("roles").toString()).isEqualTo("[\"LEARNER\"]");
        assertThat(me.text("memberId")).startsWith("member-");
        assertAccessDenied(api.post("/api/accounts", learner, another));
        assertAccessDenied(api.get("/api/test-probe/labs/" + lab + "/staff", learner));
        assertAccessDenied(api.get("/actuator/prometheus", learner));
    }

    @Test
    void usernamesAreCaseInsensitiveAndUnique() {
        Map<String, Object> account = account("LAB_ADMIN", unique("lab"));
        String admin = platformAdmin();
        assertThat(api.post("/api/accounts", admin, account).status()).isEqualTo(201);
        account.put("username", account.get("username").toString().toUpperCase());

        Reply taken = api.post("/api/accounts", admin, account);

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("type")).isEqualTo("https://makerspace-ledger.org/problems/username-taken");
    }

    @Test
    void trainerAccountNeedsATrainerId() {
        Reply refused = api.post("/api/accounts", platformAdmin(), account("TRAINER", unique("lab")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("detail")).isEqualTo("trainerId is required for TRAINER");
    }

    @Test
    void shortPasswordIsRefusedNamingTheField() {
        Map<String, Object> account = account("LAB_ADMIN", unique("lab"));
        account.put("password", "too short");

        Reply refused = api.post("/api/accounts", platformAdmin(), account);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("password");
    }

    @Test
    void passwordsAreStoredAsArgon2idHashes() {
        String username = createAccount(account("LAB_ADMIN", unique("lab")));

        Document stored = collection(Accounts.COLLECTION).find(eq("_id", username)).first();

        assertThat(stored).isNotNull();
        assertThat(stored.getString("passwordHash")).startsWith("$argon2id$");
        assertThat(stored.toJson()).doesNotContain(PASSWORD);
    }

    private static void assertAccessDenied(Reply reply) {
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType().toString()).isEqualTo("application/problem+json");
        assertThat(reply.text("type")).isEqualTo("https://makerspace-ledger.org/problems/access-denied");
    }

    @Test
    void theLedgerRecordsWhoSentACommandByAnOpaqueIdNeverByUsername() {
        String lab = unique("lab");
        registeredLab(lab);
        String username = unique("marie.curie") + "@example.org";
        Map<String, Object> account = account("LAB_ADMIN", lab);
        account.put("username", username);
        createAccount(account);
        String memberId = unique("member");

        Reply registered = api.post("/api/labs/" + lab + "/members", login(username, PASSWORD),
                                    Map.of("memberId", memberId, "displayName", "Irène"));

        assertThat(registered.status()).isEqualTo(201);
        Document commit = collection(MongoEventStorageEngine.COMMITS).find(eq("agg", memberId)).first();
        String metaData = String.valueOf(commit.getList("events", Document.class).get(0).get("m"));
        assertThat(metaData).contains("\"recordedBy\"").contains("acct-").doesNotContain("marie.curie");
        String accountId = collection("accounts").find(eq("_id", username)).first().getString("accountId");
        assertThat(metaData).contains(accountId);
    }
}
