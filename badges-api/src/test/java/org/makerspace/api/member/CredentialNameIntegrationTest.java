package org.makerspace.api.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * {@code /api/members/{memberId}/credential-name}: the learner, and only she, chooses whether her name shows on her
 * credentials. The choice lives with her personal data in the member directory and goes when it is erased.
 */
class CredentialNameIntegrationTest extends ApiIntegrationTestSupport {

    private String lab;
    private String member;
    private String path;
    private String marie;

    @BeforeEach
    void aLearnerWithHerAccount() {
        lab = unique("names-lab");
        member = knownMember(lab);
        path = "/api/members/" + member + "/credential-name";
        marie = learner(lab, member);
    }

    private Reply choose(String token, boolean showName) {
        return api.put(path, token, Map.of("showName", showName));
    }

    private Reply chooseRaw(String body) {
        return api.send(HttpMethod.PUT, path, marie, MediaType.APPLICATION_JSON, body);
    }

    @Test
    void credentialsAreAnonymousUntilTheLearnerChoosesOtherwise() {
        Reply choice = api.get(path, marie);

        assertThat(choice.status()).isEqualTo(200);
        assertThat(choice.body().path("showName").asBoolean()).isFalse();
        assertThat(choice.text("name")).isEqualTo("Learner " + member);
    }

    @Test
    void theLearnerChoosesToShowHerNameAndReadsItBack() {
        Reply chosen = choose(marie, true);

        assertThat(chosen.status()).isEqualTo(200);
        assertThat(chosen.body().path("showName").asBoolean()).isTrue();
        assertThat(api.get(path, marie).body().path("showName").asBoolean()).isTrue();
    }

    @Test
    void theLearnerWithdrawsHerChoice() {
        choose(marie, true);

        Reply withdrawn = choose(marie, false);

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(api.get(path, marie).body().path("showName").asBoolean()).isFalse();
    }

    @Test
    void nobodyChoosesOrReadsOnTheLearnersBehalf() {
        String otherLearner = learner(lab);
        String[] others = {trainer(lab), labAdmin(lab), otherLearner, platformAdmin()};

        for (String other : others) {
            assertThat(choose(other, true).status()).isEqualTo(403);
            assertThat(api.get(path, other).status()).isEqualTo(403);
        }
        assertThat(choose(null, true).status()).isEqualTo(401);
        assertThat(api.get(path, null).status()).isEqualTo(401);
        assertThat(api.get(path, marie).body().path("showName").asBoolean()).isFalse();
    }

    @Test
    void malformedOrUnknownFieldsAreABadRequest() {
        Reply malformed = chooseRaw("{\"showName\": }");
        Reply unknownField = chooseRaw("{\"showName\": true, \"name\": \"Marie Curie\"}");
        Reply notABoolean = chooseRaw("{\"showName\": \"perhaps\"}");
        Reply missing = chooseRaw("{}");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("type")).endsWith("/malformed-request-body");
        assertThat(malformed.contentType().toString()).startsWith("application/problem+json");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.text("detail")).contains("name");
        assertThat(notABoolean.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("type")).endsWith("/validation-failed");
        assertThat(api.get(path, marie).body().path("showName").asBoolean()).isFalse();
    }

    @Test
    void erasingThePersonalDataErasesTheChoice() {
        choose(marie, true);

        assertThat(api.send(HttpMethod.DELETE, "/api/members/" + member + "/personal-data", marie, null, null)
                           .status()).isEqualTo(204);

        Reply choice = api.get(path, marie);
        assertThat(choice.body().path("showName").asBoolean()).isFalse();
        assertThat(choice.body().path("name").isNull()).isTrue();
    }

    @Test
    void noNameCanBeShownOnceErased() {
        api.send(HttpMethod.DELETE, "/api/members/" + member + "/personal-data", marie, null, null);

        Reply refused = choose(marie, true);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).endsWith("/personal-data-erased");
        assertThat(choose(marie, false).status()).isEqualTo(200);
    }
}
