package org.makerspace.api.openbadges.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.LoopbackClient;
import org.makerspace.api.testing.LoopbackPartner;
import org.makerspace.api.testing.Reply;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.projections.credential.ob3.CredentialRequest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Credentials of a lab outside this installation, a tiny server on loopback that signs with a key of its own and
 * publishes it and its revocation list: not trusted (and nothing fetched from it) until one of our labs declares it a
 * partner, trusted then, and no longer once the lab withdraws. Requests to verify come from 127.0.0.3.
 */
class PartnerVerificationIntegrationTest extends ApiIntegrationTestSupport {

    private static final Duration READ_MODELS = Duration.ofSeconds(10);
    private static final Instant AWARDED = Instant.parse("2026-01-10T09:00:00Z");
    private static final Instant ENDS = Instant.parse("2099-01-10T09:00:00Z");

    @LocalServerPort
    private int port;

    private LoopbackClient client;
    private LoopbackPartner partner;
    private String lab;
    private String admin;

    @BeforeEach
    void labAndPartner() {
        client = new LoopbackClient(port, "127.0.0.3");
        partner = new LoopbackPartner();
        lab = unique("partner-lab");
        assertThat(api.post("/api/labs", platformAdmin(), Map.of("labId", lab, "name", "Fablab " + lab,
                                                                 "publicUrl", "https://" + lab + ".example"))
                           .status()).isEqualTo(201);
        admin = labAdmin(lab);
    }

    @AfterEach
    void stopPartner() {
        partner.close();
    }

    private CredentialRequest laserBadge(int statusIndex) {
        return partner.request("Laser Cutter Operator", MemberId.of(unique("member")), AWARDED, ENDS, statusIndex);
    }

    private Reply verify(String contentType, String body) {
        return client.post("/api/verify", null, contentType, body);
    }

    private static Map<String, JsonNode> checks(Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        Map<String, JsonNode> checks = new HashMap<>();
        reply.body().path("checks").forEach(check -> checks.put(check.path("name").asText(), check));
        return checks;
    }

    private void declarePartner() {
        Reply declared = api.post("/api/labs/" + lab + "/partners", admin,
                                  Map.of("partnerIssuerId", partner.issuerId(), "partnerName", "Fablab Outside"));
        assertThat(declared.status()).as(declared.body().toString()).isEqualTo(201);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/labs/" + lab + "/partners", null).body().path("partners").findValuesAsText("issuerId"))
                .contains(partner.issuerId()));
    }

    @Test
    void untrustedIssuersKeyAndStatusListAreNotFetched() {
        Reply reply = verify("application/vc+ld+json", partner.signJsonLd(laserBadge(7)));

        Map<String, JsonNode> checks = checks(reply);
        assertThat(reply.body().path("verified").asBoolean()).isFalse();
        assertThat(checks.get("signature").path("ok").asBoolean()).isFalse();
        assertThat(checks.get("signature").path("detail").asText()).isEqualTo(
                "issuer not trusted, key not fetched: " + partner.issuerId() + " is neither one of our labs nor a "
                + "partner one of our labs declared, so " + partner.verificationMethod() + " was not fetched");
        assertThat(checks.get("issuer_trusted").path("ok").asBoolean()).isFalse();
        assertThat(checks.get("status").path("detail").asText()).startsWith("issuer not trusted, status list not fetched");
        assertThat(checks.get("schema").path("ok").asBoolean()).isTrue();
        assertThat(partner.requests()).isEmpty();
    }

    @Test
    void onceALabDeclaresThePartnerTheSameCredentialVerifies() {
        String credential = partner.signJsonLd(laserBadge(7));
        assertThat(verify("application/vc+ld+json", credential).body().path("verified").asBoolean()).isFalse();

        declarePartner();
        Reply reply = verify("application/vc+ld+json", credential);

        Map<String, JsonNode> checks = checks(reply);
        assertThat(checks.values()).as(reply.body().toPrettyString()).allMatch(check -> check.path("ok").asBoolean());
        assertThat(reply.body().path("verified").asBoolean()).isTrue();
        assertThat(checks.get("issuer_trusted").path("detail").asText()).isEqualTo(
                "issuer " + partner.issuerId() + " is a partner of lab " + lab + ", and key "
                + partner.verificationMethod() + " is its own");
        assertThat(checks.get("status").path("detail").asText())
                .startsWith("not revoked: bit 7 of " + partner.revocationListUrl() + " is clear");
    }

    @Test
    void partnersKeyIsFetchedOnceAndKeptForAWhile() {
        declarePartner();

        assertThat(verify("application/vc+ld+json", partner.signJsonLd(laserBadge(1))).body().path("verified")
                           .asBoolean()).isTrue();
        assertThat(verify("application/vc+jwt", partner.signJwt(laserBadge(2))).body().path("verified").asBoolean())
                .isTrue();

        String keyPath = partner.verificationMethod().substring(partner.verificationMethod().indexOf("/ob3/"));
        assertThat(partner.requests()).filteredOn(keyPath::equals).hasSize(1);
    }

    @Test
    void credentialRevokedOnThePartnersListFailsStatus() {
        partner.revoke(3);
        declarePartner();

        Reply reply = verify("application/vc+jwt", partner.signJwt(laserBadge(3)));

        assertThat(reply.body().path("verified").asBoolean()).isFalse();
        assertThat(checks(reply).get("status").path("detail").asText())
                .isEqualTo("revoked: bit 3 of " + partner.revocationListUrl() + " is set");
        assertThat(checks(reply).get("signature").path("ok").asBoolean()).isTrue();
        assertThat(checks(reply).get("issuer_trusted").path("ok").asBoolean()).isTrue();
    }

    @Test
    void afterTheLabWithdrawsItsTrustThePartnerIsNotTrustedAgain() {
        declarePartner();
        String credential = partner.signJsonLd(laserBadge(-1));
        assertThat(verify("application/vc+ld+json", credential).body().path("verified").asBoolean()).isTrue();

        assertThat(api.post("/api/labs/" + lab + "/partners/withdrawal", admin,
                            Map.of("partnerIssuerId", partner.issuerId(), "reason", "left the network")).status())
                .isEqualTo(204);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/labs/" + lab + "/partners", null).body().path("partners").size()).isZero());

        Reply reply = verify("application/vc+ld+json", credential);
        assertThat(reply.body().path("verified").asBoolean()).isFalse();
        assertThat(checks(reply).get("signature").path("detail").asText()).startsWith("issuer not trusted, key not fetched");
        assertThat(checks(reply).get("issuer_trusted").path("ok").asBoolean()).isFalse();
    }

    @Test
    void credentialWithoutStatusListPassesTheStatusCheck() {
        declarePartner();

        Reply reply = verify("application/vc+ld+json", partner.signJsonLd(laserBadge(-1)));

        assertThat(checks(reply).get("status").path("detail").asText()).isEqualTo("the credential names no status list");
        assertThat(reply.body().path("verified").asBoolean()).isTrue();
    }
}
