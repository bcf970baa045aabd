package org.makerspace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.HttpFileRunner.Exchange;

/**
 * Keeps {@code docs/requests/trainers-day.http} true: runs it, request by request, against the whole application, so
 * that a changed endpoint, body or answer breaks the build rather than the walkthrough.
 */
class WalkthroughIntegrationTest extends ApiIntegrationTestSupport {

    @Test
    void theTrainersDayWalkthroughRunsAsWritten() {
        List<Exchange> exchanges = runWalkthrough("docs/requests/trainers-day.http", "walkthrough");

        Exchange last = exchanges.get(exchanges.size() - 1);
        assertThat(last.body().path("reason").asText()).isEqualTo("suspended");
    }
}
