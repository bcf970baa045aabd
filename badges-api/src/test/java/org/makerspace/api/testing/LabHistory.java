package org.makerspace.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.makerspace.api.testing.StandaloneApplications.PASSWORD;
import static org.makerspace.api.testing.StandaloneApplications.createAccount;
import static org.makerspace.api.testing.StandaloneApplications.created;
import static org.makerspace.api.testing.StandaloneApplications.login;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.makerspace.ledger.storage.LedgerStorage;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A lab with a history of its own, recorded over HTTP beside the demo lab, for tests that stop, rebuild, back up or
 * restore an application and compare what it holds before and after.
 */
public final class LabHistory {

    public static final String LAB = "rebuild-lab";
    public static final String MACHINE = "rebuild-lab-laser";
    public static final String MEMBER = "rebuild-lab-marie";
    public static final String CARD = "04:A2:B3:C4:5D:6E:71";
    public static final Duration CAUGHT_UP_WITHIN = Duration.ofSeconds(90);

    private LabHistory() {
    }

    public record History(String labAdmin, String trainer, String machineKey) {
    }

    /**
     * A lab of its own beside the demo lab: a laser, a trainer, Marie certified (expiring after a month without use,
     * with a badge that needs it), her card, sessions on the laser, a suspension lifted: what the demo lacks.
     */
    public static History recordHistory(ApiClient api, String platform) {
        created(api.post("/api/labs", platform, Map.of("labId", LAB, "name", "Fablab rebuild",
                                                       "publicUrl", "https://rebuild.example")));
        String admin = login(api, createAccount(api, platform, LAB + "-admin", "LAB_ADMIN", LAB, Map.of()), PASSWORD);
        created(api.post("/api/labs/" + LAB + "/machines", admin, Map.of(
                "machineId", MACHINE, "name", "Laser", "machineType", "laser-cutter", "riskLevel", "LOW",
                "maxSessionMinutes", 120)));
        created(api.post("/api/labs/" + LAB + "/trainers", admin, Map.of("trainerId", LAB + "-tom")));
        assertThat(api.post("/api/labs/" + LAB + "/trainers/" + LAB + "-tom/qualifications", admin,
                            Map.of("machineType", "laser-cutter")).status()).isEqualTo(204);
        String trainer = login(api, createAccount(api, admin, LAB + "-tom", "TRAINER", LAB,
                                                  Map.of("trainerId", LAB + "-tom")), PASSWORD);
        created(api.post("/api/labs/" + LAB + "/achievements", admin, Map.of(
                "achievementId", LAB + "-laser", "name", "Laser", "description", "Découpe laser",
                "criteria", List.of(Map.of("kind", "certification-held", "machineType", "laser-cutter",
                                           "minimumLevel", "SUPERVISED")))));
        Instant start = Instant.now().minus(Duration.ofDays(40));
        created(api.post("/api/labs/" + LAB + "/members", trainer, Map.of(
                "memberId", MEMBER, "displayName", "Marie", "registeredAt", start.toString())));
        created(api.post("/api/members/" + MEMBER + "/certifications", trainer, Map.of(
                "certificationId", MEMBER + "-cert", "labId", LAB, "scope", Map.of("machineType", "laser-cutter"),
                "level", "AUTONOMOUS", "expiry", Map.of("kind", "after-inactivity", "months", 1),
                "grantedAt", start.toString())));
        created(api.post("/api/members/" + MEMBER + "/cards", trainer, Map.of("cardUid", CARD)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/api/machines/" + MACHINE, admin).status()).isEqualTo(200));
        String machineKey = created(api.post("/api/labs/" + LAB + "/machines/" + MACHINE + "/keys", admin, Map.of()))
                .text("key");
        for (int day : new int[] {30, 20, 10}) {
            String sessionId = "s-" + day;
            Instant at = Instant.now().minus(Duration.ofDays(day));
            assertThat(api.post("/api/machines/" + MACHINE + "/sessions", machineKey, Map.of(
                    "sessionId", sessionId, "memberId", MEMBER, "startedAt", at.toString())).status()).isEqualTo(204);
            assertThat(api.post("/api/machines/" + MACHINE + "/sessions/" + sessionId + "/end", machineKey, Map.of(
                    "endedAt", at.plus(Duration.ofMinutes(45)).toString(), "reason", "finished", "minutes", 45))
                    .status()).isEqualTo(204);
        }
        assertThat(api.post("/api/members/" + MEMBER + "/certifications/" + MEMBER + "-cert/suspension", trainer,
                            Map.of("reason", "incident")).status()).isEqualTo(204);
        assertThat(api.post("/api/members/" + MEMBER + "/certifications/" + MEMBER + "-cert/reinstatement", trainer,
                            Map.of()).status()).isEqualTo(204);
        return new History(admin, trainer, machineKey);
    }

    public static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(port(context));
    }

    public static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public static Map<String, List<String>> documents(ConfigurableApplicationContext context) {
        return StoredCollections.documents(context.getBean(LedgerStorage.class).database(),
                                           StoredCollections.CHANGING_BY_THEMSELVES);
    }

    public static Reply access(ApiClient api, String machineKey) {
        return api.post("/api/machines/" + MACHINE + "/access", machineKey, Map.of("cardUid", CARD));
    }

    /** Until every processor has handled the whole ledger on this node. */
    public static void awaitEveryProcessorCaughtUp(ApiClient api, String platform) {
        await().atMost(CAUGHT_UP_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode processors = api.get("/api/admin/processors", platform).body();
            assertThat(processors).isNotEmpty().allSatisfy(processor -> {
                assertThat(processor.path("caughtUp").asBoolean()).as("%s", processor).isTrue();
                assertThat(processor.path("position").asLong()).as("%s", processor)
                        .isEqualTo(processor.path("head").asLong());
            });
        });
    }
}
