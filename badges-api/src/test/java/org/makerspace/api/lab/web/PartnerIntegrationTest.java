package org.makerspace.api.lab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.ledger.lab.api.LabId;
import org.springframework.beans.factory.annotation.Autowired;

/** Declaring, listing and withdrawing a lab's partners over HTTP, and every refusal on the way. */
class PartnerIntegrationTest extends ApiIntegrationTestSupport {

    private static final Duration READ_MODELS = Duration.ofSeconds(10);
    private static final String LYON = "https://badges.fablab-lyon.example/ob3/issuers/lyon";

    @Autowired
    private PublicUrls urls;

    private String lab;
    private String admin;

    @BeforeEach
    void lab() {
        lab = unique("trusting-lab");
        assertThat(api.post("/api/labs", platformAdmin(), Map.of("labId", lab, "name", "Fablab " + lab,
                                                                 "publicUrl", "https://" + lab + ".example"))
                           .status()).isEqualTo(201);
        admin = labAdmin(lab);
    }

    private Reply trust(String token, String issuerId) {
        return api.post("/api/labs/" + lab + "/partners", token, Map.of("partnerIssuerId", issuerId,
                                                                        "partnerName", "Fablab Lyon",
                                                                        "since", "2026-04-01T00:00:00Z"));
    }

    @Test
    void anyoneSeesThePartnersALabDeclared() {
        assertThat(trust(admin, LYON).status()).isEqualTo(201);

        await().atMost(READ_MODELS).untilAsserted(() -> {
            Reply partners = api.get("/api/labs/" + lab + "/partners", null);
            assertThat(partners.status()).isEqualTo(200);
            assertThat(partners.body().path("partners").path(0).path("issuerId").asText()).isEqualTo(LYON);
            assertThat(partners.body().path("partners").path(0).path("name").asText()).isEqualTo("Fablab Lyon");
            assertThat(partners.body().path("partners").path(0).path("since").asText())
                    .isEqualTo("2026-04-01T00:00:00Z");
        });
    }

    @Test
    void aLabCannotTrustAPartnerTwiceNorItself() {
        assertThat(trust(admin, LYON).status()).isEqualTo(201);

        Reply twice = trust(admin, LYON);
        Reply itself = trust(admin, urls.issuer(LabId.of(lab)));

        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("type")).endsWith("/partner-already-trusted");
        assertThat(itself.status()).isEqualTo(409);
        assertThat(itself.text("type")).endsWith("/partner-is-self");
    }

    @Test
    void withdrawingAPartnerTheLabDoesNotTrustIsRefused() {
        Reply reply = api.post("/api/labs/" + lab + "/partners/withdrawal", admin,
                               Map.of("partnerIssuerId", LYON, "reason", "never trusted"));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.text("type")).endsWith("/partner-not-trusted");
    }

    @Test
    void onlyTheLabsAdminDeclaresPartners() {
        assertThat(trust(trainer(lab), LYON).status()).isEqualTo(403);
        assertThat(trust(labAdmin(unique("other-lab")), LYON).status()).isEqualTo(403);
        assertThat(trust(null, LYON).status()).isEqualTo(401);
        assertThat(api.post("/api/labs/" + lab + "/partners/withdrawal", null,
                            Map.of("partnerIssuerId", LYON, "reason", "x")).status()).isEqualTo(401);
    }

    @Test
    void aPartnerMustBeNamedByAnHttpUrl() {
        Reply reply = trust(admin, "lyon");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("detail")).contains("partnerIssuerId must be an absolute http(s) URL");
    }

    @Test
    void partnersOfAnUnknownLabAreNotFound() {
        assertThat(api.get("/api/labs/" + unique("no-such-lab") + "/partners", null).status()).isEqualTo(404);
    }
}
