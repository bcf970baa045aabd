package org.makerspace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.HttpFileRunner.Exchange;

/** Keeps {@code docs/requests/partners-and-verification.http} true by running it against the whole application. */
class PartnersWalkthroughIntegrationTest extends ApiIntegrationTestSupport {

    @Test
    void thePartnersWalkthroughRunsAsWritten() {
        List<Exchange> exchanges = runWalkthrough("docs/requests/partners-and-verification.http",
                                                  "partners-walkthrough");

        assertThat(exchanges.get(exchanges.size() - 1).body().path("partners").isEmpty()).isTrue();
    }
}
