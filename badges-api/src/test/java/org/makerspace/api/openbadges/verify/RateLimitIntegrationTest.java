package org.makerspace.api.openbadges.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.LoopbackClient;
import org.makerspace.api.testing.Reply;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public verifier answers one address 30 times a minute, then 429 until a token is back; others go on. */
class RateLimitIntegrationTest extends ApiIntegrationTestSupport {

    @LocalServerPort
    private int port;

    @Test
    void oneAddressIsRefusedAfterThirtyRequestsAMinuteWhileAnotherGoesOn() {
        LoopbackClient busy = new LoopbackClient(port, "127.0.0.4");
        for (int i = 0; i < 30; i++) {
            assertThat(busy.post("/api/verify", null, "application/json", "{}").status()).as("request %d", i + 1)
                    .isEqualTo(200);
        }

        Reply refused = busy.post("/api/verify", null, "application/json", "{}");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType().toString()).startsWith("application/problem+json");
        assertThat(refused.text("type")).isEqualTo("https://makerspace-ledger.org/problems/too-many-requests");
        assertThat(refused.text("instance")).isEqualTo("/api/verify");
        assertThat(Long.parseLong(refused.headers().getFirst("Retry-After"))).isBetween(1L, 2L);
        assertThat(new LoopbackClient(port, "127.0.0.5").post("/api/verify", null, "application/json", "{}").status())
                .isEqualTo(200);
    }
}
