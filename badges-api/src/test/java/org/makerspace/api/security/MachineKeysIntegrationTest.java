package org.makerspace.api.security;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.springframework.beans.factory.annotation.Autowired;

class MachineKeysIntegrationTest extends ApiIntegrationTestSupport {

    @Autowired
    private MachineKeys machineKeys;

    @Test
    void machineKeyAuthenticatesAsThatMachine() {
        String lab = unique("lab");
        String key = machine(lab, "laser-1");

        Reply me = api.get("/api/accounts/me", key);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("roles").toString()).isEqualTo("[\"MACHINE\"]");
        assertThat(me.text("machineId")).isEqualTo("laser-1");
        assertThat(me.text("labId")).isEqualTo(lab);
        assertThat(api.get("/api/test-probe/labs/" + lab + "/machines/laser-1", key).status()).isEqualTo(200);
    }

    @Test
    void machineKeyOpensNothingOfAnotherMachine() {
        String lab = unique("lab");
        String key = machine(lab, "laser-1");

        assertThat(api.get("/api/test-probe/labs/" + lab + "/machines/laser-2", key).status()).isEqualTo(403);
        assertThat(api.get("/api/test-probe/labs/" + unique("lab") + "/machines/laser-1", key).status())
                .isEqualTo(403);
        assertThat(api.get("/api/test-probe/labs/" + lab + "/staff", key).status()).isEqualTo(403);
        assertThat(api.post("/api/accounts", key, account("LAB_ADMIN", lab)).status()).isEqualTo(403);
    }

    @Test
    void rotatedKeyIsRefused() {
        String lab = unique("lab");
        String old = machine(lab, "cnc-1");
        assertThat(api.get("/api/accounts/me", old).status()).isEqualTo(200);

        String current = machine(lab, "cnc-1");

        Reply refused = api.get("/api/accounts/me", old);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("type")).isEqualTo("https://makerspace-ledger.org/problems/invalid-token");
        assertThat(api.get("/api/accounts/me", current).status()).isEqualTo(200);
    }

    @Test
    void rotationLeavesOtherMachinesKeysAlone() {
        String lab = unique("lab");
        String laser = machine(lab, "laser-1");

        machine(lab, "laser-2");
        machine(unique("lab"), "laser-1");

        assertThat(api.get("/api/accounts/me", laser).status()).isEqualTo(200);
    }

    @Test
    void keysAreStoredOnlyAsTheirHash() {
        IssuedMachineKey issued = machineKeys.issue(unique("lab"), "printer-1");

        Document stored = collection(MachineKeys.COLLECTION).find(eq("_id", Secrets.hash(issued.key()))).first();

        assertThat(issued.key()).startsWith("mk_");
        assertThat(stored).isNotNull();
        assertThat(stored.getString("machineId")).isEqualTo("printer-1");
        assertThat(stored.getBoolean("revoked")).isFalse();
        assertThat(stored.toJson()).doesNotContain(issued.key()).doesNotContain(issued.key().substring(3));
    }

    @Test
    void unknownMachineKeyIsRefused() {
        Reply refused = api.get("/api/accounts/me", MachineKeys.PREFIX + Secrets.randomToken());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("detail")).contains("machine key");
    }

    @Test
    void machineCannotLogOutItsKey() {
        String key = machine(unique("lab"), "laser-1");

        assertThat(api.post("/api/auth/logout", key, Map.of()).status()).isEqualTo(403);
        assertThat(api.get("/api/accounts/me", key).status()).isEqualTo(200);
    }
}
