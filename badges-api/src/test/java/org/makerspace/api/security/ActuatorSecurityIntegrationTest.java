package org.makerspace.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;

class ActuatorSecurityIntegrationTest extends ApiIntegrationTestSupport {

    @Test
    void prometheusIsForPlatformAdminsOnly() {
        Reply anonymous = api.get("/actuator/prometheus", null);
        Reply trainer = api.get("/actuator/prometheus", trainer(unique("lab")));
        Reply admin = api.get("/actuator/prometheus", platformAdmin());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text("type")).isEqualTo("https://makerspace-ledger.org/problems/authentication-required");
        assertThat(trainer.status()).isEqualTo(403);
        assertThat(trainer.text("type")).isEqualTo("https://makerspace-ledger.org/problems/access-denied");
        assertThat(admin.status()).isEqualTo(200);
    }

    @Test
    void metricsAreForPlatformAdminsOnly() {
        assertThat(api.get("/actuator/metrics/ledger.auth.failures", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/metrics", labAdmin(unique("lab"))).status()).isEqualTo(403);
    }

    @Test
    void healthIsPublic() {
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }
}
