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

/**
 * Keeps {@code docs/requests/trainers-day.http} true: runs it, request by request, against the whole application, so
 * that a changed endpoint, body or answer breaks the build rather than the walkthrough.
 */
class WalkthroughIntegrationTest extends ApiIntegrationTestSupport {

    private static final String TRAINERS_DAY = "docs/requests/trainers-day.http";

    @LocalServerPort
    private int port;

    @Test
    void theTrainersDayWalkthroughRunsAsWritten() {
        HttpFile walkthrough = HttpFileRunner.read(HttpFileRunner.projectFile(TRAINERS_DAY));

        List<Exchange> exchanges = new HttpFileRunner(30, Duration.ofMillis(500)).run(walkthrough, Map.of(
                "baseUrl", "http://localhost:" + port,
                "adminUser", ADMIN_USERNAME,
                "adminPassword", ADMIN_PASSWORD,
                "lab", unique("walkthrough")));

        assertThat(exchanges).hasSameSizeAs(walkthrough.requests());
        Exchange last = exchanges.get(exchanges.size() - 1);
        assertThat(last.body().path("reason").asText()).isEqualTo("suspended");
    }
}
