package org.makerspace.api.openbadges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.baking.BadgeBaking;
import org.makerspace.api.baking.BadgePayload;
import org.makerspace.api.testing.LoopbackClient;
import org.makerspace.api.testing.Reply;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.ob3.OpenBadgesSchema;
import org.springframework.http.HttpMethod;

/**
 * A learner who chooses to show her name gets a named copy of her credential beside it, while she keeps that choice:
 * the same credential with her name, under its own id, signed by the same key, checked by our verifier in both
 * formats and revoked with the award. The stored credential, and the public page, stay anonymous. Verification
 * requests come from 127.0.0.7, so that the verifier's rate limit counts them apart from other tests.
 */
class NamedCredentialIntegrationTest extends OpenBadgesTestSupport {

    private Award award;
    private String marie;
    private String choice;

    @BeforeEach
    void marieEarnsTheLaserBadge() {
        award = earn("namedlab", "Laser pilot");
        marie = learner(award.lab(), award.member());
        choice = "/api/members/" + award.member() + "/credential-name";
    }

    private void showHerName(boolean show) {
        assertThat(api.put(choice, marie, Map.of("showName", show)).status()).isEqualTo(200);
    }

    /** GETs a public URL anonymously; it must answer 200. */
    private HttpResponse<byte[]> ok(String url, String... headers) {
        HttpResponse<byte[]> response = fetch(url, headers);
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return response;
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private JsonNode verified(String contentType, String credential) {
        Reply reply = new LoopbackClient(port, "127.0.0.7").post("/api/verify", null, contentType, credential);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static JsonNode check(JsonNode report, String name) {
        for (JsonNode check : report.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + report);
    }

    // ---------------------------------------------------------------- the named copy

    @Test
    void noNamedCopyUntilTheLearnerChoosesToShowHerName() {
        for (String url : namedUrls()) {
            HttpResponse<byte[]> missing = fetch(url);

            assertThat(missing.statusCode()).as(url).isEqualTo(404);
            assertThat(contentType(missing)).startsWith("application/problem+json");
        }
        Reply links = api.get("/api/members/" + award.member() + "/awards/" + award.awardId() + "/credential", marie);
        assertThat(links.body().path("named").isNull()).isTrue();
    }

    @Test
    void theNamedCopyShowsHerNameUnderItsOwnIdAndMatchesTheSchema() {
        showHerName(true);

        HttpResponse<byte[]> jsonLd = ok(urls.namedCredential(award.awardId()));
        ObjectNode credential = CredentialJson.parseObject(text(jsonLd));

        assertThat(contentType(jsonLd)).isEqualTo("application/vc+ld+json");
        assertThat(jsonLd.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(credential.get("id").asText()).isEqualTo(urls.namedCredential(award.awardId()));
        assertThat(credential.at("/credentialSubject/name").asText()).isEqualTo("Marie");
        assertThat(credential.at("/credentialSubject/identifier/0/hashed").asBoolean()).isTrue();
        assertThat(OpenBadgesSchema.errors(credential)).isEmpty();
    }

    @Test
    void ourVerifierAcceptsTheNamedCopyInBothFormats() {
        showHerName(true);

        JsonNode jsonLd = verified("application/vc+ld+json", text(ok(urls.namedCredential(award.awardId()))));
        JsonNode jwt = verified("application/vc+jwt", text(ok(urls.namedCredentialJwt(award.awardId()))));

        assertThat(jsonLd.path("verified").asBoolean()).as("%s", jsonLd).isTrue();
        assertThat(jwt.path("verified").asBoolean()).as("%s", jwt).isTrue();
        assertThat(jwt.path("format").asText()).isNotEqualTo(jsonLd.path("format").asText());
    }

    @Test
    void theNamedCopySaysWhatTheCredentialSaysAndIsSignedWithItsKey() {
        ObjectNode original = CredentialJson.parseObject(text(ok(urls.credential(award.awardId()))));
        showHerName(true);

        ObjectNode copy = CredentialJson.parseObject(text(ok(urls.namedCredential(award.awardId()))));

        assertThat(copy.at("/proof/0/verificationMethod")).isEqualTo(original.at("/proof/0/verificationMethod"));
        assertThat(copy.get("credentialStatus")).isEqualTo(original.get("credentialStatus"));
        ((ObjectNode) copy.get("credentialSubject")).remove("name");
        assertThat(copy.remove(List.of("id", "proof"))).isEqualTo(original.remove(List.of("id", "proof")));
    }

    @Test
    void oneNameGivesTheSameBytesEveryTime() {
        showHerName(true);

        HttpResponse<byte[]> first = ok(urls.namedCredential(award.awardId()));
        HttpResponse<byte[]> again = ok(urls.namedCredential(award.awardId()));

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
    }

    @Test
    void theJwtIsGivenAsTextOrByContentNegotiation() {
        showHerName(true);

        HttpResponse<byte[]> jwt = ok(urls.namedCredentialJwt(award.awardId()));
        HttpResponse<byte[]> plain = ok(urls.namedCredentialJwt(award.awardId()), "Accept", "text/plain");
        HttpResponse<byte[]> negotiated = ok(urls.namedCredential(award.awardId()), "Accept", "application/vc+jwt");

        assertThat(contentType(jwt)).isEqualTo("application/vc+jwt");
        assertThat(contentType(plain)).startsWith("text/plain");
        assertThat(text(negotiated)).isEqualTo(text(jwt)).isEqualTo(text(plain));
    }

    @Test
    void theNamedBadgeImagesCarryTheNamedJwt() {
        showHerName(true);
        String jwt = text(ok(urls.namedCredentialJwt(award.awardId())));

        HttpResponse<byte[]> png = ok(urls.namedBakedBadge(award.awardId(), PublicUrls.Image.PNG));
        HttpResponse<byte[]> svg = ok(urls.namedBakedBadge(award.awardId(), PublicUrls.Image.SVG));

        assertThat(contentType(png)).isEqualTo("image/png");
        assertThat(contentType(svg)).isEqualTo("image/svg+xml");
        assertThat(BadgeBaking.extract(png.body())).isEqualTo(BadgePayload.ob3Jwt(jwt));
        assertThat(BadgeBaking.extract(svg.body())).isEqualTo(BadgePayload.ob3Jwt(jwt));
    }

    @Test
    void theLearnerFindsWhereHerNamedCopyIsPublished() {
        showHerName(true);

        Reply links = api.get("/api/members/" + award.member() + "/awards/" + award.awardId() + "/credential", marie);

        assertThat(links.status()).isEqualTo(200);
        assertThat(links.body().at("/named/credential").asText()).isEqualTo(urls.namedCredential(award.awardId()));
        assertThat(links.body().at("/named/jwt").asText()).isEqualTo(urls.namedCredentialJwt(award.awardId()));
        assertThat(links.body().at("/named/badgePng").asText())
                .isEqualTo(urls.namedBakedBadge(award.awardId(), PublicUrls.Image.PNG));
    }

    @Test
    void theStoredCredentialAndThePublicPageStayAnonymous() {
        byte[] before = ok(urls.credential(award.awardId())).body();
        showHerName(true);

        assertThat(ok(urls.credential(award.awardId())).body()).isEqualTo(before);
        assertThat(text(ok(urls.credentialJwt(award.awardId())))).doesNotContain("Marie");
        assertThat(text(ok(urls.credentialPage(award.awardId())))).doesNotContain("Marie");
    }

    // ---------------------------------------------------------------- what ends it

    @Test
    void revokingTheAwardRevokesTheNamedCopyAlreadyDownloaded() {
        showHerName(true);
        String jsonLd = text(ok(urls.namedCredential(award.awardId())));
        String jwt = text(ok(urls.namedCredentialJwt(award.awardId())));

        assertThat(api.post("/api/members/" + award.member() + "/awards/" + award.awardId() + "/revocation",
                            award.admin(), Map.of("reason", "awarded by mistake")).status()).isEqualTo(204);

        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                fetch(urls.ob2Assertion(award.awardId())).statusCode()).isEqualTo(410));
        JsonNode fromJsonLd = verified("application/vc+ld+json", jsonLd);
        JsonNode fromJwt = verified("application/vc+jwt", jwt);
        assertThat(fromJsonLd.path("verified").asBoolean()).isFalse();
        assertThat(check(fromJsonLd, "status").path("detail").asText()).startsWith("revoked");
        assertThat(fromJwt.path("verified").asBoolean()).isFalse();
        assertThat(check(fromJwt, "status").path("ok").asBoolean()).isFalse();
        assertThat(check(fromJwt, "signature").path("ok").asBoolean()).isTrue();
    }

    @Test
    void withdrawingTheChoiceTakesTheNamedCopyDownButNotACopyAlreadyDownloaded() {
        showHerName(true);
        String downloaded = text(ok(urls.namedCredential(award.awardId())));

        showHerName(false);

        for (String url : namedUrls()) {
            assertThat(fetch(url).statusCode()).as(url).isEqualTo(404);
        }
        assertThat(verified("application/vc+ld+json", downloaded).path("verified").asBoolean()).isTrue();
    }

    @Test
    void erasingTheLearnersPersonalDataTakesTheNamedCopyDown() {
        showHerName(true);

        assertThat(api.send(HttpMethod.DELETE, "/api/members/" + award.member() + "/personal-data", marie, null, null)
                           .status()).isEqualTo(204);

        for (String url : namedUrls()) {
            assertThat(fetch(url).statusCode()).as(url).isEqualTo(404);
        }
    }

    @Test
    void anUnknownAwardHasNoNamedCopy() {
        HttpResponse<byte[]> missing = fetch(urls.namedCredential("no-such-award"));

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(contentType(missing)).startsWith("application/problem+json");
    }

    private List<String> namedUrls() {
        return List.of(urls.namedCredential(award.awardId()), urls.namedCredentialJwt(award.awardId()),
                       urls.namedBakedBadge(award.awardId(), PublicUrls.Image.PNG),
                       urls.namedBakedBadge(award.awardId(), PublicUrls.Image.SVG));
    }
}
