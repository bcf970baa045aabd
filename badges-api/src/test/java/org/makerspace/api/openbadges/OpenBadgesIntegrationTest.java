package org.makerspace.api.openbadges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.baking.BadgeBaking;
import org.makerspace.api.baking.BadgePayload;
import org.makerspace.api.baking.OpenBadgesVersion;
import org.makerspace.api.testing.Reply;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKey;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.jsonld.BundledContexts;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.jsonld.SafeMode;
import org.makerspace.projections.credential.ob3.Check;
import org.makerspace.projections.credential.ob3.CredentialVerifier;
import org.makerspace.projections.credential.ob3.IssuerTrust;
import org.makerspace.projections.credential.ob3.OpenBadgesSchema;
import org.makerspace.projections.credential.ob3.VerificationHook;
import org.makerspace.projections.credential.ob3.VerificationReport;
import org.makerspace.projections.credential.proof.EddsaRdfc2022;
import org.makerspace.projections.status.StatusList;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A learner earns a badge over HTTP and its credential is published, without login, at the URLs it names: it
 * verifies in both proof formats against the published keys, and its published status list says what the lab later
 * decides. The verifier here knows nothing of the server's internals: it fetches and checks the signed status list,
 * as a wallet would.
 */
class OpenBadgesIntegrationTest extends OpenBadgesTestSupport {

    @Autowired
    private IssuerKeys keys;

    private String lab;
    private String admin;
    private String trainer;
    private String member;
    private String awardId;

    @BeforeEach
    void aLearnerEarnsTheLaserBadge() {
        Award award = earn("openlab", "Laser pilot");
        lab = award.lab();
        admin = award.admin();
        trainer = award.trainer();
        member = award.member();
        awardId = award.awardId();
    }

    // ---------------------------------------------------------------- issuance and verification

    @Test
    void thePublishedCredentialVerifiesInBothFormatsAndMatchesTheSchema() {
        HttpResponse<byte[]> jsonLd = fetch(urls.credential(awardId));
        HttpResponse<byte[]> jwt = fetch(urls.credentialJwt(awardId));

        assertThat(jsonLd.statusCode()).isEqualTo(200);
        assertThat(contentType(jsonLd)).isEqualTo("application/vc+ld+json");
        assertThat(contentType(jwt)).isEqualTo("application/vc+jwt");
        assertThat(verifier().verify(text(jsonLd), Instant.now()).failures()).isEmpty();
        VerificationReport fromJwt = verifier().verify(text(jwt), Instant.now());
        assertThat(fromJwt.failures()).isEmpty();
        assertThat(OpenBadgesSchema.errors(CredentialJson.parseObject(text(jsonLd)))).isEmpty();
        assertThat(fromJwt.credential().at("/credentialSubject/achievement/name").asText()).isEqualTo("Laser pilot");
    }

    @Test
    void theJwtIsGivenAsTextOrByContentNegotiationWhenAsked() {
        HttpResponse<byte[]> plain = fetch(urls.credentialJwt(awardId), "Accept", "text/plain");
        HttpResponse<byte[]> negotiated = fetch(urls.credential(awardId), "Accept", "application/vc+jwt");

        assertThat(contentType(plain)).startsWith("text/plain");
        assertThat(text(negotiated)).isEqualTo(text(plain));
        assertThat(contentType(negotiated)).isEqualTo("application/vc+jwt");
    }

    @Test
    void everyDocumentTheCredentialNamesIsPublishedWithoutLogin() {
        ObjectNode credential = CredentialJson.parseObject(text(fetch(urls.credential(awardId))));

        HttpResponse<byte[]> issuer = fetch(credential.at("/issuer/id").asText());
        HttpResponse<byte[]> key = fetch(credential.at("/proof/0/verificationMethod").asText());
        HttpResponse<byte[]> jwk = fetch(credential.at("/proof/0/verificationMethod").asText(), "Accept",
                                       "application/jwk+json");
        HttpResponse<byte[]> achievement = fetch(credential.at("/credentialSubject/achievement/id").asText());
        HttpResponse<byte[]> png = fetch(credential.at("/credentialSubject/achievement/image/id").asText());
        HttpResponse<byte[]> svg = fetch(credential.at("/credentialSubject/achievement/image/id").asText()
                                               .replace(".png", ".svg"));
        HttpResponse<byte[]> list = fetch(credential.at("/credentialStatus/statusListCredential").asText());

        assertThat(json(issuer).path("name").asText()).isEqualTo("Open Lab " + lab);
        assertThat(json(issuer).path("type").get(0).asText()).isEqualTo("Profile");
        assertThat(json(key).path("publicKeyMultibase").asText())
                .isEqualTo(keys.keysOf(LabId.of(lab)).get(0).publicKey().multibase());
        assertThat(json(jwk).path("kty").asText()).isEqualTo("OKP");
        assertThat(contentType(jwk)).isEqualTo("application/jwk+json");
        assertThat(json(achievement).at("/criteria/id").asText())
                .isEqualTo(credential.at("/credentialSubject/achievement/id").asText() + "#criteria");
        assertThat(json(achievement).at("/criteria/narrative").asText()).contains("laser-basics");
        assertThat(contentType(png)).isEqualTo("image/png");
        assertThat(contentType(svg)).isEqualTo("image/svg+xml");
        assertThat(contentType(list)).isEqualTo("application/vc+ld+json");
        assertThat(json(list).path("issuer").asText()).isEqualTo(credential.at("/issuer/id").asText());
        assertThat(new EddsaRdfc2022(BundledContexts.standard())
                           .verify((ObjectNode) json(list), keys.resolver(urls)).ok()).isTrue();
    }

    /**
     * The issuer profile is its keys' controller document: every key the lab had, under verificationMethod and
     * assertionMethod; a replaced one says since when, and stays. Every term it uses is defined by its contexts (the
     * safe mode a strict verifier frames it in).
     */
    @Test
    void theIssuerProfileListsEveryKeyTheLabHadAndWhenEachWasReplaced() {
        String firstKey = keys.keysOf(LabId.of(lab)).get(0).keyId();
        assertThat(api.post("/api/labs/" + lab + "/signing-keys", labAdmin(lab), Map.of()).status()).isEqualTo(201);
        List<IssuerKey> both = keys.keysOf(LabId.of(lab));

        ObjectNode profile = (ObjectNode) json(fetch(urls.issuer(LabId.of(lab))));
        ObjectNode retiredKey = (ObjectNode) json(fetch(urls.verificationMethod(LabId.of(lab), firstKey)));

        assertThat(profile.path("assertionMethod")).extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(
                both.stream().map(key -> urls.verificationMethod(LabId.of(lab), key.keyId())).toList());
        assertThat(profile.path("verificationMethod")).hasSize(2).allSatisfy(method -> {
            assertThat(method.path("type").asText()).isEqualTo("Multikey");
            assertThat(method.path("controller").asText()).isEqualTo(urls.issuer(LabId.of(lab)));
        });
        IssuerKey newest = both.stream().filter(IssuerKey::active).findFirst().orElseThrow();
        assertThat(retiredKey.path("expires").asText()).isEqualTo(newest.validFrom().toString());
        assertThat(profile.path("verificationMethod").findValues("expires")).hasSize(1);
        assertThat(SafeMode.violations(CredentialJson.toJakarta(profile), BundledContexts.standard())).isEmpty();
    }

    @Test
    void theLearnerFindsWhereHerCredentialIsPublished() {
        String marie = learner(lab, member);

        Reply links = api.get("/api/members/" + member + "/awards/" + awardId + "/credential", marie);

        assertThat(links.status()).isEqualTo(200);
        assertThat(links.text("credential")).isEqualTo(urls.credential(awardId));
        assertThat(links.text("badgePng")).isEqualTo(urls.bakedBadge(awardId, PublicUrls.Image.PNG));
        assertThat(links.body().path("revoked").asBoolean()).isFalse();
    }

    // ---------------------------------------------------------------- revocation and suspension

    @Test
    void revokingTheCertificationRevokesTheCredentialThroughItsPublishedList() {
        String jwt = text(fetch(urls.credentialJwt(awardId)));
        String listEtag = fetch(statusListOf(jwt)).headers().firstValue("ETag").orElseThrow();

        assertThat(api.post("/api/members/" + member + "/certifications/cert-" + member + "/revocation", admin,
                            Map.of("reason", "left the cutter running")).status()).isEqualTo(204);

        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                verifier().verify(jwt, Instant.now()).check(Check.STATUS).detail()).startsWith("revoked"));
        assertThat(fetch(statusListOf(jwt), "If-None-Match", listEtag).statusCode()).isEqualTo(200);
        assertThat(fetch(urls.ob2Assertion(awardId)).statusCode()).isEqualTo(410);
        assertThat(json(fetch(urls.ob2Assertion(awardId))).path("revocationReason").asText())
                .contains("left the cutter running");
    }

    @Test
    void aLabAdminSuspendsAndReinstatesTheAward() {
        String credential = text(fetch(urls.credential(awardId)));
        String awardPath = "/api/members/" + member + "/awards/" + awardId;

        assertThat(api.post(awardPath + "/suspension", admin, Map.of("reason", "under review")).status())
                .isEqualTo(204);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                verifier().verify(credential, Instant.now()).check(Check.STATUS).detail()).startsWith("suspended"));
        assertThat(fetch(urls.ob2Assertion(awardId)).statusCode()).isEqualTo(410);

        assertThat(api.post(awardPath + "/reinstatement", admin, Map.of()).status()).isEqualTo(204);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                verifier().verify(credential, Instant.now()).failures()).isEmpty());
        assertThat(fetch(urls.ob2Assertion(awardId)).statusCode()).isEqualTo(200);
    }

    @Test
    void aLabAdminRevokesTheAwardForGood() {
        String awardPath = "/api/members/" + member + "/awards/" + awardId;

        assertThat(api.post(awardPath + "/revocation", admin, Map.of("reason", "awarded by mistake")).status())
                .isEqualTo(204);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                fetch(urls.ob2Assertion(awardId)).statusCode()).isEqualTo(410));

        Reply suspension = api.post(awardPath + "/suspension", admin, Map.of("reason", "too late"));
        assertThat(suspension.status()).isEqualTo(409);
        assertThat(suspension.text("type")).endsWith("/award-revoked");
        assertThat(verifier().verify(text(fetch(urls.credential(awardId))), Instant.now()).check(Check.STATUS).detail())
                .startsWith("revoked");
    }

    // ---------------------------------------------------------------- who may do what

    @Test
    void anonymousReadsThePublicDocumentsButCannotActOnAwards() {
        String awardPath = "/api/members/" + member + "/awards/" + awardId;

        assertThat(fetch(urls.credential(awardId)).statusCode()).isEqualTo(200);
        assertThat(fetch(urls.ob2Assertion(awardId)).statusCode()).isEqualTo(200);
        assertThat(api.post(awardPath + "/revocation", null, Map.of("reason", "x")).status()).isEqualTo(401);
        assertThat(api.post(awardPath + "/suspension", null, Map.of("reason", "x")).status()).isEqualTo(401);
        assertThat(api.post(awardPath + "/reinstatement", null, Map.of()).status()).isEqualTo(401);
        assertThat(api.get(awardPath + "/credential", null).status()).isEqualTo(401);
    }

    @Test
    void onlyAnAdminOfTheAwardsLabActsOnIt() {
        String awardPath = "/api/members/" + member + "/awards/" + awardId;
        String otherLab = unique("openlab");
        created(api.post("/api/labs", platformAdmin(), Map.of("labId", otherLab, "name", "Other",
                                                               "publicUrl", "https://other.example")));

        assertThat(api.post(awardPath + "/suspension", trainer, Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(api.post(awardPath + "/suspension", labAdmin(otherLab), Map.of("reason", "x")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/members/" + lab + "-nobody/awards/" + awardId + "/suspension", admin,
                            Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(api.post(awardPath.replace(awardId, "no-such-award") + "/revocation", admin,
                            Map.of("reason", "x")).status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- caching, baking, Open Badges 2.0

    @Test
    void documentsCarryAStrongEtagAnswered304() {
        HttpResponse<byte[]> first = fetch(urls.credential(awardId));
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = fetch(urls.credential(awardId), "If-None-Match", etag);
        HttpResponse<byte[]> weakly = fetch(urls.credential(awardId), "If-None-Match", "\"other\", W/" + etag);
        HttpResponse<byte[]> other = fetch(urls.credential(awardId), "If-None-Match", "\"other\"");

        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=86400", "public");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(weakly.statusCode()).isEqualTo(304);
        assertThat(other.statusCode()).isEqualTo(200);
        String list = statusListOf(text(first));
        assertThat(fetch(list).headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
        assertThat(fetch(list, "If-None-Match", fetch(list).headers().firstValue("ETag").orElseThrow()).statusCode())
                .isEqualTo(304);
    }

    @Test
    void bakedImagesCarryTheCredentialsJwt() {
        String jwt = text(fetch(urls.credentialJwt(awardId)));

        HttpResponse<byte[]> png = fetch(urls.bakedBadge(awardId, PublicUrls.Image.PNG));
        HttpResponse<byte[]> svg = fetch(urls.bakedBadge(awardId, PublicUrls.Image.SVG));

        assertThat(contentType(png)).isEqualTo("image/png");
        assertThat(contentType(svg)).isEqualTo("image/svg+xml");
        assertThat(BadgeBaking.extract(png.body())).isEqualTo(BadgePayload.ob3Jwt(jwt));
        assertThat(BadgeBaking.extract(svg.body())).isEqualTo(BadgePayload.ob3Jwt(jwt));
        assertThat(BadgeBaking.extract(png.body()).version()).isEqualTo(OpenBadgesVersion.V3_0);
        assertThat(verifier().verify(BadgeBaking.extract(svg.body()).verify(), Instant.now()).failures()).isEmpty();
    }

    @Test
    void legacyBackpacksGetAHostedOpenBadges20Assertion() {
        JsonNode assertion = json(fetch(urls.ob2Assertion(awardId)));
        JsonNode badgeClass = json(fetch(assertion.path("badge").asText()));
        JsonNode issuer = json(fetch(badgeClass.path("issuer").asText()));

        assertThat(assertion.path("type").asText()).isEqualTo("Assertion");
        assertThat(assertion.path("verification").path("type").asText()).isEqualTo("hosted");
        assertThat(assertion.at("/recipient/hashed").asBoolean()).isTrue();
        assertThat(assertion.at("/recipient/salt").asText()).isNotBlank();
        assertThat(assertion.at("/recipient/identity").asText()).startsWith("sha256$").doesNotContain(member);
        assertThat(badgeClass.path("type").asText()).isEqualTo("BadgeClass");
        assertThat(badgeClass.path("name").asText()).isEqualTo("Laser pilot");
        assertThat(fetch(badgeClass.path("image").asText()).statusCode()).isEqualTo(200);
        assertThat(issuer.path("type").asText()).isEqualTo("Issuer");
        assertThat(issuer.path("url").asText()).isEqualTo("https://" + lab + ".example");
    }

    @Test
    void unknownDocumentsAreNotFound() {
        assertThat(fetch(urls.credential("no-such-award")).statusCode()).isEqualTo(404);
        assertThat(fetch(urls.base() + "/status-lists/" + lab + "/nonsense").statusCode()).isEqualTo(404);
        assertThat(fetch(urls.base() + "/ob3/achievements/" + lab + "-laser/versions/9/image.png").statusCode())
                .isEqualTo(404);
    }

    // ---------------------------------------------------------------- a verifier from outside

    /**
     * Resolves keys from the key documents' store, as trust in our labs requires, but reads status from the
     * published, signed status list, as any wallet would.
     */
    private CredentialVerifier verifier() {
        return new CredentialVerifier(keys.resolver(urls), this::publishedStatus, IssuerTrust.ownLabs(keys, urls));
    }

    private VerificationHook.Outcome publishedStatus(VerificationHook.Presented presented) {
        JsonNode entry = presented.credential().path("credentialStatus");
        String listUrl = entry.path("statusListCredential").asText();
        int index = Integer.parseInt(entry.path("statusListIndex").asText());
        for (String url : List.of(listUrl, listUrl.replace("/revocation", "/suspension"))) {
            ObjectNode list = (ObjectNode) json(fetch(url));
            if (!new EddsaRdfc2022(BundledContexts.standard()).verify(list, keys.resolver(urls)).ok()) {
                return VerificationHook.Outcome.failed("the status list " + url + " is not signed by its lab");
            }
            if (StatusList.decode(list.at("/credentialSubject/encodedList").asText()).get(index)) {
                return VerificationHook.Outcome.failed(list.at("/credentialSubject/statusPurpose").asText()
                                                               .equals("revocation") ? "revoked" : "suspended");
            }
        }
        return VerificationHook.Outcome.ok("neither revoked nor suspended");
    }

    private static String statusListOf(String credential) {
        ObjectNode json = credential.startsWith("{") ? CredentialJson.parseObject(credential)
                : new CredentialVerifier(id -> Optional.empty(), p -> null, p -> null)
                        .verify(credential, Instant.EPOCH).credential();
        return json.at("/credentialStatus/statusListCredential").asText();
    }

    // ---------------------------------------------------------------- HTTP

    private static String text(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as("GET %s", response.uri()).isIn(200, 410);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        return CredentialJson.parseObject(text(response));
    }

}
