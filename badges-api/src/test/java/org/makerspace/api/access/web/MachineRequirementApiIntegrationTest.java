package org.makerspace.api.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.springframework.http.MediaType;

/**
 * A lab admin previews a stricter requirement for the laser, sees exactly who would lose access, applies it, and the
 * laser then refuses them; nobody else may do either.
 */
class MachineRequirementApiIntegrationTest extends ApiIntegrationTestSupport {

    private static final Duration READ_MODELS = Duration.ofSeconds(10);
    private static final Map<String, Object> AUTONOMOUS = Map.of("minimumLevel", "AUTONOMOUS");

    private String lab;
    private String admin;
    private String trainer;
    private String machineId;
    private String machineKey;

    @BeforeEach
    void aLabWithALaser() {
        lab = unique("requirement-lab");
        admin = registeredLab(lab);
        machineId = lab + "-laser";
        registeredMachine(admin, lab, machineId, "laser-cutter", "HIGH");
        trainer = qualifiedTrainer(admin, lab, "laser-cutter");
        machineKey = machine(lab, machineId);
    }

    private String path(String suffix) {
        return "/api/labs/" + lab + "/machines/" + machineId + "/requirement" + suffix;
    }

    private Reply ask(String member) {
        return api.post("/api/machines/" + machineId + "/access", machineKey, Map.of("memberId", member));
    }

    @Test
    void thePreviewListsExactlyWhoWouldLoseAccessAndApplyingItDeniesThem() {
        String ada = certifiedMember(trainer, lab, "laser-cutter", "AUTONOMOUS", null);
        String ben = certifiedMember(trainer, lab, "laser-cutter", "SUPERVISED", null);
        String cy = certifiedMember(trainer, lab, "laser-cutter", "SUPERVISED", null);
        await().atMost(READ_MODELS).until(() -> "supervision_required".equals(ask(cy).text("reason")));

        Reply preview = api.post(path("/preview"), admin, AUTONOMOUS);

        assertThat(preview.status()).as(String.valueOf(preview.body())).isEqualTo(200);
        List<String> losing = new ArrayList<>();
        for (JsonNode loss : preview.body().path("losing")) {
            losing.add(loss.path("memberId").asText());
            assertThat(loss.path("currentLevel").asText()).isEqualTo("SUPERVISED");
            assertThat(loss.path("reason").asText()).isEqualTo("level_too_low");
        }
        assertThat(losing).containsExactlyInAnyOrder(ben, cy);
        assertThat(preview.body().path("keeping").asInt()).isEqualTo(1);
        assertThat(ask(ada).text("decision")).isEqualTo("granted");
        assertThat(ask(ben).text("reason")).isEqualTo("supervision_required");

        assertThat(api.put(path(""), admin, AUTONOMOUS).status()).isEqualTo(204);

        await().atMost(READ_MODELS).until(() -> "level_too_low".equals(ask(ben).text("reason")));
        assertThat(ask(cy).text("reason")).isEqualTo("level_too_low");
        assertThat(ask(ada).text("decision")).isEqualTo("granted");
        Reply afterwards = api.post(path("/preview"), admin, AUTONOMOUS);
        assertThat(afterwards.body().path("losing")).isEmpty();
        assertThat(afterwards.body().path("current").path("minimumLevel").asText()).isEqualTo("AUTONOMOUS");
    }

    @Test
    void onlyTheLabsAdminPreviewsOrChangesTheRequirement() {
        String otherLab = unique("other-requirement-lab");
        String otherAdmin = registeredLab(otherLab);
        for (String outsider : List.of(trainer, learner(lab), otherAdmin, machineKey)) {
            assertThat(api.post(path("/preview"), outsider, AUTONOMOUS).status()).isEqualTo(403);
            assertThat(api.put(path(""), outsider, AUTONOMOUS).status()).isEqualTo(403);
        }
        assertThat(api.post(path("/preview"), null, AUTONOMOUS).status()).isEqualTo(401);
        assertThat(api.put(path(""), null, AUTONOMOUS).status()).isEqualTo(401);
    }

    @Test
    void aMalformedRequirementIsABadRequestAndAnUnknownMachineIsNamed() {
        Map<String, Object> noMonths = new HashMap<>(AUTONOMOUS);
        noMonths.put("maxMonthsWithoutUse", 0);
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("minimumLevel", "EXPERT"), Map.<String, Object>of(),
                                               noMonths)) {
            Reply refused = api.put(path(""), admin, bad);
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(api.post(path("/preview"), admin, bad).status()).isEqualTo(400);
        }
        String unknown = "/api/labs/" + lab + "/machines/" + lab + "-nowhere/requirement";
        assertThat(api.put(unknown, admin, AUTONOMOUS).status()).isEqualTo(422);
        assertThat(api.post(unknown + "/preview", admin, AUTONOMOUS).status()).isEqualTo(404);
    }
}
