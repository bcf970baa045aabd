package org.makerspace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.HttpFileRunner;
import org.makerspace.api.testing.HttpFileRunner.Exchange;
import org.makerspace.api.testing.HttpFileRunner.HttpFile;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Keeps {@code docs/requests/partners-and-verification.http} true by running it against the whole application. */
class PartnersWalkthroughIntegrationTest extends ApiIntegrationTestSupport {

    private static final String PARTNERS = "docs/requests/partners-and-verification.http";

    @LocalServerPort
    private int port;

    @Test
    void thePartnersWalkthroughRunsAsWritten() {
        HttpFile walkthrough = HttpFileRunner.read(HttpFileRunner.projectFile(PARTNERS));

        List<Exchange> exchanges = new HttpFileRunner(30, Duration.ofMillis(500)).run(walkthrough, Map.of(
                "baseUrl", "http://localhost:" + port,
                "adminUser", ADMIN_USERNAME,
                "adminPassword", ADMIN_PASSWORD,
                "lab", unique("partners-walkthrough")));

        assertThat(exchanges).hasSameSizeAs(walkthrough.requests());
        assertThat(exchanges.get(exchanges.size() - 1).body().path("partners").isEmpty()).isTrue();
    }
}
