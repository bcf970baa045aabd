package org.makerspace.api.openbadges;

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
 * Tests that need an issued credential: a learner earns a laser badge over HTTP, the way a lab works, and the test
 * waits until its credential is issued; then it fetches the public documents anonymously, as anyone would. Adds no
 * configuration, so it shares the application's test context.
 */
public abstract class OpenBadgesTestSupport extends ApiIntegrationTestSupport {

    protected static final Duration READ_MODELS = Duration.ofSeconds(20);

    @LocalServerPort
    protected int port;
    /** The public URLs the credentials name. */
    @Autowired
    protected PublicUrls urls;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** An issued award: its lab, an admin and a trainer of that lab, the member who earned it. */
    protected record Award(String lab, String admin, String trainer, String member, String awardId) {
    }

    /**
     * In a new lab (id prefixed {@code labPrefix}, named "Open Lab &lt;id&gt;"), a member is trained and certified on
     * the laser cutter and so earns the achievement named {@code name}; returns once its credential is issued.
     */
    protected Award earn(String labPrefix, String name) {
        String lab = unique(labPrefix);
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
        return new Award(lab, admin, trainer, member, awardId);
    }

    /** A public URL (or path) on the running server: the public base URL replaced by this server's address. */
    protected String local(String url) {
        String base = urls.base().toString();
        String path = url.startsWith(base) ? url.substring(base.length()) : url;
        return "http://localhost:" + port + path;
    }

    /** GETs a public URL (or path) anonymously on the running server; headers come in name, value pairs. */
    protected HttpResponse<byte[]> fetch(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local(url))).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static String contentType(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    protected static Reply created(Reply reply) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        return reply;
    }
}
