package org.makerspace.api.openbadges.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.makerspace.projections.credential.PublicUrls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tests of the credential page: a learner earns a badge over HTTP, as in the Open Badges integration test, and the
 * page is read on the running server, whatever host the public base URL names. Adds no configuration, so it shares
 * the application's test context.
 */
abstract class CredentialPageTestSupport extends ApiIntegrationTestSupport {

    static final Duration READ_MODELS = Duration.ofSeconds(20);

    /** An issued award: its lab, an admin of that lab, the member who earned it. */
    record Award(String lab, String admin, String member, String awardId) {
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected PublicUrls urls;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A member earns the achievement named {@code name}, and its credential is issued. */
    protected Award earn(String name) {
        String lab = unique("pagelab");
        created(api.post("/api/labs", platformAdmin(), Map.of("labId", lab, "name", "Open Lab " + lab,
                                                               "publicUrl", "https://" + lab + ".example",
                                                               "contactEmail", "badges@" + lab + ".example")));
        String admin = labAdmin(lab);
        String trainerId = lab + "-tom";
        created(api.post("/api/labs/" + lab + "/trainers", admin, Map.of("trainerId", trainerId)));
        assertThat(api.post("/api/labs/" + lab + "/trainers/" + trainerId + "/qualifications", admin,
                            Map.of("machineType", "laser-cutter")).status()).isEqualTo(204);
        Map<String, Object> account = account("TRAINER", lab);
        account.put("trainerId", trainerId);
        String trainer = login(createAccount(account), PASSWORD);
        String member = lab + "-marie";
        created(api.post("/api/labs/" + lab + "/members", trainer, Map.of("memberId", member, "displayName", "Marie")));
        created(api.post("/api/labs/" + lab + "/achievements", admin, Map.of(
                "achievementId", lab + "-laser", "name", name,
                "description", "Uses the laser cutter on her own.",
                "criteria", List.of(Map.of("kind", "training-completed", "courseCode", "laser-basics"),
                                    Map.of("kind", "certification-held", "machineType", "laser-cutter",
                                           "minimumLevel", "AUTONOMOUS")))));
        created(api.post("/api/members/" + member + "/trainings", trainer,
                         Map.of("labId", lab, "courseCode", "laser-basics", "hours", 2)));
        created(api.post("/api/members/" + member + "/certifications", trainer, Map.of(
                "certificationId", "cert-" + member, "labId", lab, "scope", Map.of("machineType", "laser-cutter"),
                "level", "AUTONOMOUS", "expiry", Map.of("kind", "after-period", "period", "P1Y"))));
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/members/" + member + "/awards", admin).body().path("awards")).hasSize(1));
        String awardId = api.get("/api/members/" + member + "/awards", admin).body().path("awards").get(0)
                .path("awardId").asText();
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/members/" + member + "/awards/" + awardId + "/credential", admin).status())
                .isEqualTo(200));
        return new Award(lab, admin, member, awardId);
    }

    /** Revokes the award as its lab's admin. */
    protected void revoke(Award award, String reason) {
        assertThat(api.post("/api/members/" + award.member() + "/awards/" + award.awardId() + "/revocation",
                            award.admin(), Map.of("reason", reason)).status()).isEqualTo(204);
    }

    /** A public URL (or path) on the running server: the public base URL replaced by this server's address. */
    protected String local(String url) {
        String base = urls.base().toString();
        String path = url.startsWith(base) ? url.substring(base.length()) : url;
        return "http://localhost:" + port + path;
    }

    /** GETs a public URL (or path) anonymously on the running server. */
    protected HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local(url))).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Reply created(Reply reply) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        return reply;
    }
}
