package org.makerspace.projections.credential.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What JSON-LD would silently drop from the signed data is reported instead. */
class SafeModeTest {

    private static final String CONTEXT = "\"@context\": [\"https://www.w3.org/ns/credentials/v2\"]";

    private static List<String> violations(String json) {
        return SafeMode.violations(CredentialJson.toJakarta(CredentialJson.parseObject(json)),
                                   BundledContexts.standard());
    }

    @Test
    void definedTermsAndAbsoluteIrisAreSafe() {
        assertThat(violations("{" + CONTEXT + ", \"id\": \"urn:uuid:1\", \"type\": [\"VerifiableCredential\"],"
                              + " \"name\": \"Laser\", \"issuer\": \"https://lab.example\"}")).isEmpty();
    }

    @Test
    void undefinedPropertyIsReported() {
        assertThat(violations("{" + CONTEXT + ", \"id\": \"urn:uuid:1\", \"colour\": \"blue\"}"))
                .containsExactly("undefined term 'colour': no context defines it");
    }

    @Test
    void undefinedTypeIsReported() {
        assertThat(violations("{" + CONTEXT + ", \"id\": \"urn:uuid:1\", \"type\": [\"VerifiableCredential\", \"Maker\"]}"))
                .singleElement().asString().startsWith("undefined type 'Maker'");
    }

    @Test
    void relativeIdIsReported() {
        assertThat(violations("{" + CONTEXT + ", \"id\": \"credentials/1\", \"name\": \"Laser\"}"))
                .singleElement().asString().startsWith("relative node id 'credentials/1'");
    }
}
