package org.makerspace.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;

class OpenApiIntegrationTest extends ApiIntegrationTestSupport {

    @Test
    void apiDescriptionIsPublicAndHidesTheCallerParameter() {
        Reply docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().at("/paths/~1api~1accounts~1me/get").isMissingNode()).isFalse();
        assertThat(docs.body().at("/paths/~1api~1accounts~1me/get/parameters").isMissingNode()).isTrue();
    }

    @Test
    void apiDescriptionAnnouncesBearerCredentials() {
        Reply docs = api.get("/v3/api-docs", null);

        assertThat(docs.body().at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    }
}
