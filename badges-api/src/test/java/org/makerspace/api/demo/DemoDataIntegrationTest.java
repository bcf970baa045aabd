package org.makerspace.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.makerspace.api.demo.DemoHistory.DemoLearner;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The application started with the demo enabled on a fresh database. This is the one test with a Spring context of
 * its own: the demo is seeded at start, and only into an empty ledger, which the shared context's is not.
 */
@TestPropertySource(properties = {
        "ledger.demo.enabled=true",
        "ledger.demo.password=" + DemoDataIntegrationTest.PASSWORD
})
class DemoDataIntegrationTest extends ApiIntegrationTestSupport {

    static final String PASSWORD = "demo password of the tests";
    private static final String LAB = "fablab-demo";
    private static final Duration READ_MODELS = Duration.ofSeconds(30);

    @Autowired
    private DemoData demo;
    @Autowired
    private EventStore eventStore;

    @Test
    void seedsTheLabWithItsMachinesTrainersAndBadges() {
        String admin = login("demo-admin", PASSWORD);

        await().atMost(READ_MODELS).untilAsserted(() -> {
            JsonNode lab = api.get("/api/labs/" + LAB, admin).body();
            assertThat(lab.path("name").asText()).isEqualTo("Fablab de la Cité");
            assertThat(lab.path("machines")).hasSize(9);
            assertThat(lab.path("trainers")).hasSize(4);
            assertThat(lab.path("achievements")).hasSize(4);
        });
        assertThat(api.get("/api/machines/demo-printer-bambu", admin).body().path("outOfService").path("reason").asText())
                .contains("buse");
    }

    @Test
    void registersFiftyMembersWhosePersonalDataStaysInTheDirectory() {
        String admin = login("demo-admin", PASSWORD);
        List<JsonNode> profiles = new ArrayList<>();
        for (int number = 1; number <= 50; number++) {
            Reply profile = api.get(String.format("/api/members/demo-m%02d", number), admin);
            assertThat(profile.status()).isEqualTo(200);
            profiles.add(profile.body());
        }

        assertThat(profiles).allMatch(profile -> !profile.path("displayName").asText().isBlank())
                .allMatch(profile -> profile.path("email").isNull());
        assertThat(profiles).filteredOn(profile -> profile.path("birthYear").asInt() >= 2009).isNotEmpty();
        assertThat(api.get("/api/members/demo-m51", admin).status()).isEqualTo(404);
    }

    @Test
    void passportsShowCertificationsInEveryStateAndAwards() {
        String admin = login("demo-admin", PASSWORD);

        await().atMost(READ_MODELS).untilAsserted(() -> {
            Set<String> statuses = new HashSet<>();
            int certified = 0;
            int awarded = 0;
            for (int number = 1; number <= 50; number++) {
                JsonNode passport = api.get(String.format("/api/members/demo-m%02d/passport", number), admin).body();
                passport.path("certifications").forEach(c -> statuses.add(c.path("status").asText()));
                certified += passport.path("certifications").isEmpty() ? 0 : 1;
                awarded += passport.path("achievements").isEmpty() ? 0 : 1;
            }
            assertThat(certified).isGreaterThan(30);
            assertThat(awarded).isGreaterThan(5);
            assertThat(statuses).contains("VALID", "SUSPENDED", "REVOKED", "EXPIRED");
        });
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/members/demo-m01/awards", admin).body().path("awards").findValuesAsText("achievementId"))
                .containsExactlyInAnyOrder("demo-3d-printing", "demo-laser-pilot", "demo-helping-hand"));
    }

    @Test
    void theDemoAccountsLogInAndALearnerReadsOnlyHerOwnPassport() {
        for (String account : List.of("demo-admin", "demo-trainer-1", "demo-trainer-2", "demo-trainer-3",
                                      "demo-trainer-4", "demo-learner-1")) {
            assertThat(login(account, PASSWORD)).isNotBlank();
        }
        String zoe = login("demo-learner-2", PASSWORD);

        await().atMost(READ_MODELS).untilAsserted(() ->
                assertThat(api.get("/api/members/demo-m02/passport", zoe).status()).isEqualTo(200));
        assertThat(api.get("/api/members/demo-m01/passport", zoe).status()).isEqualTo(403);
    }

    @Test
    void leasCardOpensThePrinterOnWhichSheIsCertified() {
        DemoLearner lea = DemoHistory.generate().learners().get(0);
        String admin = login("demo-admin", PASSWORD);
        String printer = api.post("/api/labs/" + LAB + "/machines/demo-printer-prusa/keys", admin, Map.of()).text("key");

        await().atMost(READ_MODELS).untilAsserted(() -> {
            Reply answer = api.post("/api/machines/demo-printer-prusa/access", printer, Map.of("cardUid", lea.cardUid()));
            assertThat(answer.text("decision")).isEqualTo("granted");
            assertThat(answer.text("memberId")).isEqualTo("demo-m01");
        });
    }

    @Test
    void seedingAgainDoesNothingOnceTheLedgerHoldsData() {
        var head = eventStore.createHeadToken();

        assertThat(demo.seedIfEmpty()).isFalse();

        assertThat(eventStore.createHeadToken()).isEqualTo(head);
    }
}
