package org.makerspace.projections.credential.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.net.URI;
import org.junit.jupiter.api.Test;

class BundledContextsTest {

    private final BundledContexts contexts = BundledContexts.standard();

    @Test
    void servesEveryContextOfTheIndexFromTheClasspath() throws Exception {
        assertThat(contexts.urls()).contains("https://www.w3.org/ns/credentials/v2",
                                             "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                                             "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
                                             "https://w3id.org/security/multikey/v1");
        for (String url : contexts.urls()) {
            assertThat(contexts.loadDocument(URI.create(url), new DocumentLoaderOptions()).getJsonContent())
                    .as(url).isPresent();
        }
    }

    @Test
    void refusesAnyOtherUrlWithoutFetchingIt() {
        assertThatThrownBy(() -> contexts.loadDocument(URI.create("https://www.w3.org/ns/credentials/v3"),
                                                       new DocumentLoaderOptions()))
                .isInstanceOfSatisfying(JsonLdError.class, error -> assertThat(error.getCode())
                        .isEqualTo(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED))
                .hasMessageContaining("refused to load https://www.w3.org/ns/credentials/v3")
                .hasMessageContaining("nothing is fetched");
    }
}
