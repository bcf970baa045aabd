package org.makerspace.api.openbadges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.makerspace.api.testing.NodeProject;

/**
 * Our credentials checked by Digital Bazaar's Verifiable Credentials stack (npm, run by the machine's Node.js), a
 * strict verifier: it fetches the proof's verification method, then its controller, the lab's issuer profile, which
 * must list the key under {@code assertionMethod}. A badge signed before the lab rotated its key and one signed after
 * both verify: the retired key stays listed.
 */
class DigitalBazaarVerifierIntegrationTest extends OpenBadgesTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CONTEXTS = Path.of("..", "projections", "src", "main", "resources", "org", "makerspace",
                                                 "projections", "credential", "contexts");

    @TempDir
    Path credentials;

    @Test
    void aStrictVerifierTiesEachProofsKeyToTheLabThroughItsProfileBeforeAndAfterARotation() throws IOException {
        NodeProject verifier = NodeProject.installed("db-verifier");
        Award before = earn("dbv", "Pilote laser");
        assertThat(api.post("/api/labs/" + before.lab() + "/signing-keys", before.admin(), Map.of()).status())
                .isEqualTo(201);
        String after = earnAnother(before);

        NodeProject.Result result = verifier.node("verify.mjs", List.of(
                CONTEXTS.toAbsolutePath().normalize().toString(), urls.base().toString(), "http://localhost:" + port,
                saved(before.awardId()).toString(), saved(after).toString()));

        assertThat(result.exitCode()).as(result.output()).isZero();
        List<JsonNode> answers = new ArrayList<>();
        for (String line : result.output().strip().split("\n")) {
            if (line.startsWith("{")) {
                answers.add(JSON.readTree(line));
            }
        }
        assertThat(answers).as(result.output()).hasSize(2).allSatisfy(answer -> {
            assertThat(answer.path("errors")).as("%s", answer).isEmpty();
            assertThat(answer.path("verified").asBoolean()).as("%s", answer).isTrue();
        });
    }

    /** A second member of the same lab earns the badge, now signed with the lab's new key; the award's id. */
    private String earnAnother(Award first) {
        String member = first.lab() + "-leo";
        created(api.post("/api/labs/" + first.lab() + "/members", first.trainer(),
                         Map.of("memberId", member, "displayName", "Léo")));
        created(api.post("/api/members/" + member + "/trainings", first.trainer(),
                         Map.of("labId", first.lab(), "courseCode", "laser-basics", "hours", 2)));
        created(api.post("/api/members/" + member + "/certifications", first.trainer(), Map.of(
                "certificationId", "cert-" + member, "labId", first.lab(), "scope", Map.of("machineType", "laser-cutter"),
                "level", "AUTONOMOUS", "expiry", Map.of("kind", "after-period", "period", "P1Y"))));
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/members/" + member + "/awards", first.admin()).body().path("awards")).hasSize(1));
        String awardId = api.get("/api/members/" + member + "/awards", first.admin()).body().path("awards").get(0)
                .path("awardId").asText();
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/members/" + member + "/awards/" + awardId + "/credential", first.admin()).status())
                .isEqualTo(200));
        return awardId;
    }

    private Path saved(String awardId) throws IOException {
        Path file = credentials.resolve(awardId + ".json");
        Files.write(file, fetch("/ob3/credentials/" + awardId).body());
        return file;
    }
}
