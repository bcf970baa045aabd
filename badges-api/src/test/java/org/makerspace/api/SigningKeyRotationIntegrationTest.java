package org.makerspace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;

/** A lab admin rotates the lab's signing key; older keys stay published so their credentials keep verifying. */
class SigningKeyRotationIntegrationTest extends ApiIntegrationTestSupport {

    private String lab;
    private String admin;

    @BeforeEach
    void lab() {
        lab = unique("fablab");
        assertThat(api.post("/api/labs", platformAdmin(), Map.of("labId", lab, "name", "Fablab " + lab,
                                                                 "publicUrl", "https://" + lab + ".example")).status())
                .isEqualTo(201);
        admin = labAdmin(lab);
    }

    @Test
    void rotatingAddsAnActiveKeyAndKeepsThePreviousOnePublished() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(api.get("/api/labs/" + lab + "/signing-keys", admin).body()).hasSize(1));
        JsonNode first = api.get("/api/labs/" + lab + "/signing-keys", admin).body().get(0);
        assertThat(first.path("active").asBoolean()).isTrue();

        Reply rotated = api.post("/api/labs/" + lab + "/signing-keys", admin, Map.of());

        assertThat(rotated.status()).isEqualTo(201);
        assertThat(rotated.text("keyId")).isNotEqualTo(first.path("keyId").asText());
        JsonNode keys = api.get("/api/labs/" + lab + "/signing-keys", admin).body();
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).path("active").asBoolean()).isFalse();
        assertThat(keys.get(1).path("active").asBoolean()).isTrue();
        String oldMethod = URI.create(first.path("verificationMethod").asText()).getPath();
        Reply published = api.get(oldMethod, null);
        assertThat(published.status()).as("the old key stays published, without login").isEqualTo(200);
        assertThat(published.body().path("publicKeyMultibase").asText()).startsWith("z");
    }

    @Test
    void onlyTheLabsAdminsMayRotate() {
        assertThat(api.post("/api/labs/" + lab + "/signing-keys", trainer(lab), Map.of()).status()).isEqualTo(403);
        String otherLab = unique("fablab");
        api.post("/api/labs", platformAdmin(), Map.of("labId", otherLab, "name", "Other",
                                                      "publicUrl", "https://other.example"));
        assertThat(api.post("/api/labs/" + lab + "/signing-keys", labAdmin(otherLab), Map.of()).status())
                .isEqualTo(403);
        assertThat(api.post("/api/labs/" + lab + "/signing-keys", null, Map.of()).status()).isEqualTo(401);
    }
}
