package org.makerspace.api.openbadges.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.baking.BadgePayload;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.LoopbackClient;
import org.makerspace.api.testing.Reply;
import org.makerspace.api.testing.TestCredentials;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKey;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.issuer.IssuerSigningKey;
import org.makerspace.projections.credential.jsonld.BundledContexts;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.ob3.CredentialRequest;
import org.makerspace.projections.credential.ob3.IssuerProfile;
import org.makerspace.projections.credential.ob3.OpenBadgeCredentialBuilder;
import org.makerspace.projections.credential.ob3.OpenBadgeIssuer;
import org.makerspace.projections.credential.ob3.StatusEntry;
import org.makerspace.projections.credential.proof.Ed25519SigningKey;
import org.makerspace.projections.credential.proof.EddsaRdfc2022;
import org.makerspace.projections.credential.proof.ProofOptions;
import org.makerspace.projections.status.StatusListRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code POST /api/verify} with credentials of our own labs, issued here with the labs' stored keys and status lists,
 * presented anonymously in every accepted form, intact and broken. Requests come from 127.0.0.2, so that the rate
 * limit counts them apart from other tests.
 */
class VerifyIntegrationTest extends ApiIntegrationTestSupport {

    private static final Instant KEY_FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant AWARDED = Instant.parse("2026-01-10T09:00:00Z");
    private static final Instant ENDS = Instant.parse("2099-01-10T09:00:00Z");

    @LocalServerPort
    private int port;
    @Autowired
    private PublicUrls urls;
    @Autowired
    private IssuerKeys keys;
    @Autowired
    private StatusListRegistry statusLists;

    private LoopbackClient client;
    private LabId lab;
    private IssuerSigningKey signingKey;
    private OpenBadgeIssuer issuer;

    @BeforeEach
    void labWithKey() {
        client = new LoopbackClient(port, "127.0.0.2");
        lab = LabId.of(unique("verify-lab"));
        IssuerKey key = keys.addKey(lab, KEY_FROM);
        signingKey = keys.signingKey(key.keyId());
        issuer = new OpenBadgeIssuer(urls);
    }

    /** Ada's laser badge from the lab, with her award registered in the lab's status lists. */
    private Issued issue(Instant validFrom, Instant validUntil) {
        MemberId ada = MemberId.of(unique("member"));
        CredentialRequest unregistered = TestCredentials.request(urls, lab, "Laser Cutter Operator", ada, validFrom,
                                                                 validUntil, null);
        String awardId = unregistered.award().awardId();
        statusLists.register(awardId, lab, validFrom);
        StatusEntry revocation = TestCredentials.statusEntry(statusLists.credentialStatus(awardId, urls.base()).get(0));
        CredentialRequest request = TestCredentials.request(urls, lab, "Laser Cutter Operator", ada, validFrom,
                                                            validUntil, revocation);
        return new Issued(awardId, issuer.signDataIntegrity(request, signingKey), issuer.signJwt(request, signingKey));
    }

    private record Issued(String awardId, String json, String jwt) {
    }

    private Reply verify(String contentType, String body) {
        return client.post("/api/verify", null, contentType, body);
    }

    private Reply verify(String contentType, byte[] body) {
        return client.post("/api/verify", null, contentType, body);
    }

    private static Map<String, JsonNode> checks(Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        Map<String, JsonNode> checks = new HashMap<>();
        reply.body().path("checks").forEach(check -> checks.put(check.path("name").asText(), check));
        assertThat(checks).containsOnlyKeys("signature", "contexts", "safe_mode", "schema", "validity", "status",
                                            "issuer_trusted");
        return checks;
    }

    private static void assertVerified(Reply reply) {
        Map<String, JsonNode> checks = checks(reply);
        assertThat(checks.values()).as(reply.body().toPrettyString()).allMatch(check -> check.path("ok").asBoolean());
        assertThat(reply.body().path("verified").asBoolean()).isTrue();
    }

    private static JsonNode failedOnly(Reply reply, String name) {
        Map<String, JsonNode> checks = checks(reply);
        assertThat(reply.body().path("verified").asBoolean()).isFalse();
        assertThat(checks.get(name).path("ok").asBoolean()).as(reply.body().toPrettyString()).isFalse();
        return checks.get(name);
    }

    // ---------------------------------------------------------------- every accepted form

    @Test
    void verifiesJsonLdWithoutLoggingIn() {
        Reply reply = verify("application/vc+ld+json", issue(AWARDED, ENDS).json());

        assertVerified(reply);
        assertThat(reply.body().path("format").asText()).isEqualTo("ldp_vc");
        assertThat(reply.body().path("checks").get(0).path("name").asText()).isEqualTo("signature");
        assertThat(checks(reply).get("status").path("detail").asText()).startsWith("not revoked: bit ");
        assertThat(checks(reply).get("issuer_trusted").path("detail").asText()).startsWith("issued by lab " + lab);
    }

    @Test
    void verifiesPlainJson() {
        assertVerified(verify("application/json", issue(AWARDED, ENDS).json()));
    }

    @Test
    void verifiesCompactJwt() {
        Reply reply = verify("application/vc+jwt", issue(AWARDED, ENDS).jwt());

        assertVerified(reply);
        assertThat(reply.body().path("format").asText()).isEqualTo("jwt_vc");
        assertVerified(verify("text/plain", issue(AWARDED, ENDS).jwt() + "\n"));
    }

    @Test
    void verifiesCredentialBakedIntoPng() {
        byte[] png = TestCredentials.bakedPng(BadgePayload.ob3Json(issue(AWARDED, ENDS).json()));

        Reply reply = verify("image/png", png);

        assertVerified(reply);
        assertThat(reply.body().path("source").asText()).isEqualTo("png");
    }

    @Test
    void verifiesJwtBakedIntoSvg() {
        byte[] svg = TestCredentials.bakedSvg(BadgePayload.ob3Jwt(issue(AWARDED, ENDS).jwt()));

        Reply reply = verify("image/svg+xml", svg);

        assertVerified(reply);
        assertThat(reply.body().path("source").asText()).isEqualTo("svg");
        assertThat(reply.body().path("format").asText()).isEqualTo("jwt_vc");
    }

    // ---------------------------------------------------------------- broken credentials

    @Test
    void tamperedAchievementNameBreaksTheSignature() {
        String tampered = TestCredentials.changed(issue(AWARDED, ENDS).json(), credential -> ((ObjectNode) credential
                .path("credentialSubject").path("achievement")).put("name", "Laser Cutter Trainer"));

        JsonNode signature = failedOnly(verify("application/vc+ld+json", tampered), "signature");

        assertThat(signature.path("detail").asText()).contains("signature does not match");
    }

    @Test
    void signatureByAnotherKeyThanTheNamedOneFails() {
        Ed25519SigningKey stranger = Ed25519SigningKey.generate();
        IssuerSigningKey wrong = new IssuerSigningKey(signingKey.key(), stranger);
        CredentialRequest request = TestCredentials.request(urls, lab, "Laser Cutter Operator",
                                                            MemberId.of(unique("member")), AWARDED, ENDS, null);

        Reply jsonLd = verify("application/vc+ld+json", issuer.signDataIntegrity(request, wrong));
        Reply jwt = verify("application/vc+jwt", issuer.signJwt(request, wrong));

        assertThat(failedOnly(jsonLd, "signature").path("detail").asText()).contains("does not match");
        assertThat(failedOnly(jwt, "signature").path("detail").asText()).contains("does not match");
    }

    @Test
    void unknownContextIsRefused() {
        String unknown = TestCredentials.changed(issue(AWARDED, ENDS).json(), credential -> ((ArrayNode) credential
                .get("@context")).add("https://contexts.example/badges/v9"));

        Reply reply = verify("application/vc+ld+json", unknown);

        assertThat(failedOnly(reply, "contexts").path("detail").asText()).contains("https://contexts.example/badges/v9");
        assertThat(checks(reply).get("signature").path("ok").asBoolean()).isFalse();
    }

    @Test
    void undefinedTermIsRefused() {
        String undefined = TestCredentials.changed(issue(AWARDED, ENDS).json(),
                                                   credential -> credential.put("favouriteColour", "green"));

        Reply reply = verify("application/vc+ld+json", undefined);

        assertThat(failedOnly(reply, "safe_mode").path("detail").asText()).contains("favouriteColour");
        assertThat(checks(reply).get("signature").path("detail").asText()).contains("safe_mode");
    }

    @Test
    void expiredCredentialFailsValidity() {
        Issued expired = issue(Instant.parse("2021-01-01T00:00:00Z"), Instant.parse("2022-01-01T00:00:00Z"));

        Reply reply = verify("application/vc+ld+json", expired.json());

        assertThat(failedOnly(reply, "validity").path("detail").asText()).startsWith("expired: valid until 2022-01-01");
        assertThat(checks(reply).get("signature").path("ok").asBoolean()).isTrue();
    }

    @Test
    void revokedCredentialFailsStatus() {
        Issued issued = issue(AWARDED, ENDS);
        assertVerified(verify("application/vc+jwt", issued.jwt()));

        statusLists.revoke(issued.awardId(), AWARDED.plusSeconds(3600));

        JsonNode status = failedOnly(verify("application/vc+jwt", issued.jwt()), "status");
        assertThat(status.path("detail").asText()).startsWith("revoked: bit ")
                .contains(urls.base() + "/status-lists/" + lab + "/revocation");
        assertThat(failedOnly(verify("application/vc+ld+json", issued.json()), "status").path("detail").asText())
                .startsWith("revoked: ");
    }

    // ---------------------------------------------------------------- issuer trust

    @Test
    void keyOfOneLabDoesNotVouchForAnotherIssuer() {
        CredentialRequest request = TestCredentials.request(urls, lab, "Laser Cutter Operator",
                                                            MemberId.of(unique("member")), AWARDED, ENDS, null);
        CredentialRequest otherIssuer = new CredentialRequest(
                new IssuerProfile(urls.issuer(LabId.of("some-other-lab")), "Other", null, null), request.achievement(),
                request.award(), request.recipient(), request.validity(), request.status());

        Reply reply = verify("application/vc+ld+json", issuer.signDataIntegrity(otherIssuer, signingKey));

        assertThat(checks(reply).get("signature").path("ok").asBoolean()).isTrue();
        assertThat(failedOnly(reply, "issuer_trusted").path("detail").asText()).contains("belongs to");
    }

    @Test
    void correctlySignedCredentialOfAnUntrustedDidKeyIssuerHasAGoodSignatureButNoTrust() {
        Ed25519SigningKey stranger = Ed25519SigningKey.generate();
        String did = "did:key:" + stranger.publicKey().multibase();
        CredentialRequest request = TestCredentials.request(urls, lab, "Laser Cutter Operator",
                                                            MemberId.of(unique("member")), AWARDED, ENDS, null);
        ObjectNode credential = new OpenBadgeCredentialBuilder().build(new CredentialRequest(
                new IssuerProfile(did, "A stranger", null, null), request.achievement(), request.award(),
                request.recipient(), request.validity(), request.status()));
        String signed = CredentialJson.write(new EddsaRdfc2022(BundledContexts.standard()).sign(
                credential, ProofOptions.assertion(did + "#" + stranger.publicKey().multibase(), AWARDED), stranger));

        Reply reply = verify("application/vc+ld+json", signed);

        assertThat(checks(reply).get("signature").path("ok").asBoolean()).isTrue();
        assertThat(failedOnly(reply, "issuer_trusted").path("detail").asText())
                .isEqualTo("issuer " + did + " is neither one of our labs nor a partner one of our labs declared");
    }

    // ---------------------------------------------------------------- refused requests

    @Test
    void jsonLargerThanTheLimitIsRefusedWhileReading() {
        byte[] large = ("{\"padding\":\"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        Reply chunked = client.postChunked("/api/verify", "application/vc+ld+json", large);

        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.contentType().toString()).startsWith("application/problem+json");
        assertThat(chunked.text("type")).isEqualTo("https://makerspace-ledger.org/problems/payload-too-large");
        assertThat(chunked.text("detail")).isEqualTo("a credential as JSON-LD or JWT may have at most 262144 bytes "
                                                     + "(256 KB)");
    }

    @Test
    void imageAnnouncedLargerThanTheLimitIsRefusedUnread() {
        Reply reply = client.postAnnouncing("/api/verify", "image/png", 3L * 1024 * 1024, new byte[16]);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.text("detail")).isEqualTo("a baked badge image may have at most 2097152 bytes (2 MB)");
    }

    @Test
    void imageWithoutCredentialIsUnprocessable() {
        byte[] notBaked = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);

        Reply reply = verify("image/svg+xml", notBaked);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.text("type")).endsWith("/not-baked");
    }

    @Test
    void otherMediaTypesAreUnsupported() {
        Reply reply = verify("application/xml", "<credential/>");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.text("type")).endsWith("/unsupported-media-type");
    }
}
