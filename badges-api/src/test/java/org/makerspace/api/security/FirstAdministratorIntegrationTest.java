package org.makerspace.api.security;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/** The shared context provisions its administrator from {@code ledger.bootstrap.*}. */
class FirstAdministratorIntegrationTest extends ApiIntegrationTestSupport {

    @Autowired
    private FirstAdministrator firstAdministrator;

    @Test
    void bootstrapAdministratorFromPropertiesIsAPlatformAdmin() {
        Reply me = api.get("/api/accounts/me", platformAdmin());

        assertThat(me.body().get("roles").toString()).isEqualTo("[\"PLATFORM_ADMIN\"]");
        Document state = collection(FirstAdministrator.COLLECTION).find(eq("_id", FirstAdministrator.STATE_ID)).first();
        assertThat(state).isNotNull();
        assertThat(state.getString("state")).isEqualTo("done");
        assertThat(state.getString("administrator")).isEqualTo(ADMIN_USERNAME);
        assertThat(state.containsKey("tokenHash")).isFalse();
    }

    @Test
    void setupIsClosedOnceAnAdministratorExists() {
        Reply setup = api.post("/api/setup", null,
                               Map.of("setupToken", Secrets.randomToken(), "username", "intruder",
                                      "password", "long enough password"));

        assertThat(setup.status()).isEqualTo(404);
        assertThat(setup.contentType().toString()).isEqualTo("application/problem+json");
        assertThat(collection(Accounts.COLLECTION).find(eq("_id", "intruder")).first()).isNull();
    }

    @Test
    void laterStartsLeaveTheAdministratorAlone() {
        Document before = collection(Accounts.COLLECTION).find(eq("_id", ADMIN_USERNAME)).first();

        firstAdministrator.run(new DefaultApplicationArguments());

        assertThat(collection(Accounts.COLLECTION).find(eq("_id", ADMIN_USERNAME)).first()).isEqualTo(before);
        assertThat(collection(FirstAdministrator.COLLECTION).find(eq("_id", FirstAdministrator.STATE_ID)).first()
                           .getString("state")).isEqualTo("done");
    }
}
