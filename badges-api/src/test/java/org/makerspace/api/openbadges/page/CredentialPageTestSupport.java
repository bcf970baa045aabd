package org.makerspace.api.openbadges.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.makerspace.api.openbadges.OpenBadgesTestSupport;

/**
 * Tests of the credential page: a learner earns a badge over HTTP, as in the Open Badges integration test, and the
 * page is read on the running server, whatever host the public base URL names. Adds no configuration, so it shares
 * the application's test context.
 */
abstract class CredentialPageTestSupport extends OpenBadgesTestSupport {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A member earns the achievement named {@code name}, and its credential is issued. */
    protected Award earn(String name) {
        return earn("pagelab", name);
    }

    /** Revokes the award as its lab's admin. */
    protected void revoke(Award award, String reason) {
        assertThat(api.post("/api/members/" + award.member() + "/awards/" + award.awardId() + "/revocation",
                            award.admin(), Map.of("reason", reason)).status()).isEqualTo(204);
    }

    /** GETs a public URL (or path) anonymously on the running server. */
    protected HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local(url))).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
