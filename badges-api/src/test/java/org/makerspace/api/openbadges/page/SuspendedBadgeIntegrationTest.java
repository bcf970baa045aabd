package org.makerspace.api.openbadges.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.LoopbackClient;
import org.makerspace.api.testing.Reply;

/**
 * A badge whose certification is suspended, then reinstated, then whose award is revoked, as an employer sees it:
 * {@code POST /api/verify} never says {@code verified: true} while it is suspended or revoked, and says which and
 * since when; the badge's page says so in French and in English. Requests come from 127.0.0.3, so that the rate
 * limit counts them apart from other tests.
 */
class SuspendedBadgeIntegrationTest extends CredentialPageTestSupport {

    @Test
    void aSuspendedBadgeNeverVerifiesAndSaysSinceWhenUntilItIsReinstated() {
        Award award = earn("Opératrice laser");
        String credential = new String(fetch("/ob3/credentials/" + award.awardId()).body());
        assertThat(verify(credential).path("status").asText()).isEqualTo("active");
        Instant before = Instant.now();

        assertThat(api.post("/api/members/" + award.member() + "/certifications/cert-" + award.member() + "/suspension",
                            award.trainer(), Map.of("reason", "a laissé la découpeuse sans surveillance")).status())
                .isEqualTo(204);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(verify(credential).path("status").asText())
                .isEqualTo("suspended"));
        JsonNode suspended = verify(credential);
        String french = get("/badges/" + award.awardId()).body();
        String english = get("/badges/" + award.awardId() + "?lang=en").body();

        assertThat(suspended.path("verified").asBoolean()).isFalse();
        assertThat(Instant.parse(suspended.path("statusSince").asText())).isBetween(before, Instant.now());
        assertThat(check(suspended, "status").path("reason").asText()).isEqualTo("suspended");
        assertThat(french).contains("Ce badge est suspendu").contains("Suspendu depuis le");
        assertThat(english).contains("This badge is suspended").contains("Suspended since");

        assertThat(api.post("/api/members/" + award.member() + "/certifications/cert-" + award.member()
                            + "/reinstatement", award.trainer(), Map.of()).status()).isEqualTo(204);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(verify(credential).path("verified").asBoolean())
                .isTrue());
        assertThat(verify(credential).path("status").asText()).isEqualTo("active");
        assertThat(verify(credential).path("statusSince").isNull()).isTrue();

        revoke(award, "attribué par erreur");
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(verify(credential).path("status").asText())
                .isEqualTo("revoked"));
        assertThat(verify(credential).path("verified").asBoolean()).isFalse();
        assertThat(verify(credential).path("statusSince").isTextual()).isTrue();
    }

    private JsonNode verify(String credential) {
        Reply reply = new LoopbackClient(port, "127.0.0.3").post("/api/verify", null, "application/json", credential);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static JsonNode check(JsonNode answer, String name) {
        for (JsonNode check : answer.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + answer);
    }
}
