package org.makerspace.api.achievement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.makerspace.api.testing.TestImages.png;
import static org.makerspace.api.testing.TestImages.svg;
import static org.makerspace.api.testing.TestImages.svgBadge;
import static org.makerspace.api.testing.TestImages.utf8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.makerspace.api.baking.BadgeBaking;
import org.makerspace.api.baking.BadgePayload;
import org.makerspace.api.openbadges.OpenBadgesTestSupport;
import org.makerspace.api.testing.LoopbackClient;
import org.makerspace.api.testing.Reply;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.ob3.OpenBadgesSchema;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A lab admin gives the laser badge its own image over HTTP: awards made from then on name it in their credentials
 * (still valid against the 1EdTech schema), bake into it and show it on their page, while awards made before keep the
 * default image they were issued with. The image is served exactly as uploaded, for good; a bad or unauthorised upload
 * stores nothing and records nothing.
 */
class AchievementImageIntegrationTest extends OpenBadgesTestSupport {

    private static final MediaType PNG = MediaType.IMAGE_PNG;
    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    private static final Pattern OG_WIDTH = Pattern.compile("<meta property=\"og:image:width\" content=\"(\\d+)\"");

    @LocalServerPort
    private int port;
    @Autowired
    private PublicUrls urls;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    // ---------------------------------------------------------------- what an upload changes

    @Test
    void anUploadedPngIsNamedByLaterCredentialsAndServedExactlyAsUploaded() {
        Award ada = earn("imagelab", "Laser pilot");
        String achievement = achievementOf(ada);
        byte[] image = png(256, 256, 101);

        Reply uploaded = upload(achievement, ada.admin(), PNG, image);
        String bens = earnAlso(ada, "ben");

        assertThat(uploaded.status()).as("%s", uploaded.body()).isEqualTo(200);
        assertThat(uploaded.text("imageUrl")).isEqualTo("/ob3/images/" + sha256(image) + ".png");
        assertThat(uploaded.text("publicUrl")).isEqualTo(urls.base() + uploaded.text("imageUrl"));
        assertThat(uploaded.body().path("width").asInt()).isEqualTo(256);
        ObjectNode benCredential = credential(bens);
        assertThat(benCredential.at("/credentialSubject/achievement/image/id").asText())
                .isEqualTo(uploaded.text("publicUrl"));
        assertThat(OpenBadgesSchema.errors(benCredential)).isEmpty();
        assertThat(credential(ada.awardId()).at("/credentialSubject/achievement/image/id").asText())
                .isEqualTo(urls.achievementImage(AchievementId.of(achievement), 1, PublicUrls.Image.PNG));

        HttpResponse<byte[]> served = fetch(uploaded.text("publicUrl"));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(image);
        assertThat(header(served, "Content-Type")).isEqualTo("image/png");
        assertThat(header(served, "Cache-Control")).contains("public", "max-age=31536000", "immutable");
        assertThat(served.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        String etag = header(served, "ETag");
        assertThat(fetch(uploaded.text("publicUrl"), "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void aBadgeBakedIntoAnUploadedPngStillVerifies() {
        Award ada = earn("imagelab", "Laser pilot");
        byte[] image = png(200, 200, 102);
        assertThat(upload(achievementOf(ada), ada.admin(), PNG, image).status()).isEqualTo(200);
        String bens = earnAlso(ada, "ben");

        byte[] baked = fetch(urls.bakedBadge(bens, PublicUrls.Image.PNG)).body();
        Reply verified = new LoopbackClient(port, "127.0.0.7").post("/api/verify", null, "image/png", baked);
        String page = new String(fetch(urls.credentialPage(bens)).body(), StandardCharsets.UTF_8);
        String adasPage = new String(fetch(urls.credentialPage(ada.awardId())).body(), StandardCharsets.UTF_8);

        assertThat(size(baked)).containsExactly(200, 200);
        assertThat(pixels(baked).getRGB(100, 100)).isEqualTo(pixels(image).getRGB(100, 100));
        assertThat(BadgeBaking.extract(baked)).isEqualTo(BadgePayload.ob3Jwt(jwt(bens)));
        assertThat(verified.body().path("verified").asBoolean()).as("%s", verified.body()).isTrue();
        assertThat(ogImageWidth(page)).isEqualTo("200");
        assertThat(ogImageWidth(adasPage)).isEqualTo("512");
        assertThat(size(fetch(urls.bakedBadge(ada.awardId(), PublicUrls.Image.PNG)).body())).containsExactly(512, 512);
    }

    @Test
    void anUploadedSvgIsBakedIntoBadgeSvgWhileBadgePngShowsTheDefault() {
        Award ada = earn("imagelab", "Laser pilot");
        String image = svgBadge(103);
        Reply uploaded = upload(achievementOf(ada), ada.admin(), SVG, utf8(image));
        String bens = earnAlso(ada, "ben");

        HttpResponse<byte[]> served = fetch(uploaded.text("publicUrl"));
        HttpResponse<byte[]> bakedSvg = fetch(urls.bakedBadge(bens, PublicUrls.Image.SVG));
        byte[] bakedPng = fetch(urls.bakedBadge(bens, PublicUrls.Image.PNG)).body();

        assertThat(uploaded.text("imageUrl")).endsWith(".svg");
        assertThat(served.body()).isEqualTo(utf8(image));
        assertThat(header(served, "Content-Type")).isEqualTo("image/svg+xml");
        assertThat(header(served, "Content-Security-Policy"))
                .isEqualTo("default-src 'none'; style-src 'unsafe-inline'; sandbox");
        assertThat(served.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(new String(bakedSvg.body(), StandardCharsets.UTF_8)).contains("<title>Badge 103</title>");
        assertThat(header(bakedSvg, "Content-Security-Policy")).contains("sandbox");
        assertThat(BadgeBaking.extract(bakedSvg.body())).isEqualTo(BadgePayload.ob3Jwt(jwt(bens)));
        assertThat(size(bakedPng)).as("the default PNG").containsExactly(512, 512);
        assertThat(credential(bens).at("/credentialSubject/achievement/image/id").asText())
                .isEqualTo(uploaded.text("publicUrl"));
    }

    @Test
    void theAchievementAndItsBadgeClassShowTheUploadedImageFromItsVersionOn() {
        Award ada = earn("imagelab", "Laser pilot");
        String achievement = achievementOf(ada);
        Reply uploaded = upload(achievement, ada.admin(), PNG, png(128, 128, 104));

        // The catalog and the published documents are read models of two processors: wait for each.
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/achievements/" + achievement, ada.admin()).body().path("version").asInt()).isEqualTo(2));
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                fetch(urls.ob2BadgeClass(AchievementId.of(achievement), 2)).statusCode()).isEqualTo(200));
        JsonNode latest = json(fetch(urls.achievement(AchievementId.of(achievement))));
        JsonNode badgeClass2 = json(fetch(urls.ob2BadgeClass(AchievementId.of(achievement), 2)));
        JsonNode badgeClass1 = json(fetch(urls.ob2BadgeClass(AchievementId.of(achievement), 1)));

        assertThat(api.get("/api/achievements/" + achievement, ada.admin()).text("imageUrl"))
                .isEqualTo(uploaded.text("imageUrl"));
        assertThat(latest.at("/image/id").asText()).isEqualTo(uploaded.text("publicUrl"));
        assertThat(badgeClass2.path("image").asText()).isEqualTo(uploaded.text("publicUrl"));
        assertThat(badgeClass1.path("image").asText())
                .isEqualTo(urls.achievementImage(AchievementId.of(achievement), 1, PublicUrls.Image.PNG));
    }

    @Test
    void uploadingTheSameImageAgainRecordsNoNewVersion() {
        Award ada = earn("imagelab", "Laser pilot");
        String achievement = achievementOf(ada);
        byte[] image = png(128, 128, 105);

        Reply first = upload(achievement, ada.admin(), PNG, image);
        Reply again = upload(achievement, ada.admin(), PNG, image);
        Reply other = upload(achievement, ada.admin(), PNG, png(128, 128, 106));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/achievements/" + achievement, ada.admin()).text("imageUrl")).isEqualTo(other.text("imageUrl")));
        assertThat(api.get("/api/achievements/" + achievement, ada.admin()).body().path("version").asInt())
                .as("version 1 defined, 2 the first image, 3 the other one; the repeated upload none")
                .isEqualTo(3);
        assertThat(collection("badge_images").countDocuments(new Document("_id", sha256(image))))
                .isEqualTo(1);
    }

    @Test
    void aRevisionKeepsTheUploadedImageBySendingItsPathBackButCannotNameAnImageNeverUploaded() {
        Award ada = earn("imagelab", "Laser pilot");
        String achievement = achievementOf(ada);
        Reply uploaded = upload(achievement, ada.admin(), PNG, png(128, 128, 107));
        String neverUploaded = "/ob3/images/" + "0".repeat(64) + ".png";

        Reply kept = api.post("/api/achievements/" + achievement + "/revisions", ada.admin(),
                              revision("Now with rotary engraving.", uploaded.text("imageUrl")));
        Reply missing = api.post("/api/achievements/" + achievement + "/revisions", ada.admin(),
                                 revision("Points at nothing.", neverUploaded));

        assertThat(kept.status()).as("%s", kept.body()).isEqualTo(204);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.text("type")).endsWith("/unknown-image");
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/achievements/" + achievement, ada.admin()).body().path("version").asInt()).isEqualTo(3));
        assertThat(api.get("/api/achievements/" + achievement, ada.admin()).text("imageUrl"))
                .isEqualTo(uploaded.text("imageUrl"));
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void invalidUploadsAreRefusedAsProblemsAndStoreNothing() {
        Award ada = earn("imagelab", "Laser pilot");
        String achievement = achievementOf(ada);
        byte[] script = utf8(svg("<script>alert(1)</script>", 108));
        byte[] svgAsPng = utf8(svgBadge(109));
        byte[] tooBig = new byte[600 * 1024];
        tooBig[0] = 1;
        byte[] jpeg = png(128, 128, 110);

        assertRefused(upload(achievement, ada.admin(), SVG, script), 400, "invalid-image", "<script>");
        assertRefused(upload(achievement, ada.admin(), PNG, svgAsPng), 400, "invalid-image",
                      "not a PNG image");
        assertRefused(upload(achievement, ada.admin(), PNG, tooBig), 413, "payload-too-large",
                      "at most 524288 bytes (512 KB)");
        assertRefused(upload(achievement, ada.admin(), MediaType.IMAGE_JPEG, jpeg), 415, "unsupported-media-type",
                      "");
        assertRefused(upload(achievement, ada.admin(), PNG, new byte[0]), 400, "missing-image", "empty");

        for (byte[] refused : List.of(script, svgAsPng, tooBig, jpeg)) {
            assertThat(collection("badge_images").countDocuments(new Document("_id", sha256(refused))))
                    .isZero();
        }
        JsonNode unchanged = api.get("/api/achievements/" + achievement, ada.admin()).body();
        assertThat(unchanged.path("version").asInt()).isEqualTo(1);
        assertThat(unchanged.path("imageUrl").isNull() || unchanged.path("imageUrl").isMissingNode()).isTrue();
    }

    @Test
    void onlyAnAdminOfTheAchievementsLabOrAPlatformAdminUploads() {
        Award ada = earn("imagelab", "Laser pilot");
        String achievement = achievementOf(ada);
        String otherLab = unique("imagelab");
        created(api.post("/api/labs", platformAdmin(), Map.of("labId", otherLab, "name", "Other",
                                                               "publicUrl", "https://other.example")));
        byte[] image = png(128, 128, 111);

        assertThat(upload(achievement, null, PNG, image).status()).isEqualTo(401);
        assertThat(upload(achievement, ada.trainer(), PNG, image).status()).isEqualTo(403);
        assertThat(upload(achievement, learner(ada.lab()), PNG, image).status()).isEqualTo(403);
        assertThat(upload(achievement, labAdmin(otherLab), PNG, image).status()).isEqualTo(403);
        assertThat(collection("badge_images").countDocuments(new Document("_id", sha256(image)))).isZero();
        assertThat(upload("no-such-achievement", ada.admin(), PNG, image).status()).isEqualTo(404);

        assertThat(upload(achievement, platformAdmin(), PNG, image).status()).isEqualTo(200);
        assertThat(upload(achievement, ada.admin(), PNG, png(128, 128, 112)).status()).isEqualTo(200);
    }

    @Test
    void anUnknownImageIsNotFound() {
        assertThat(fetch("/ob3/images/" + "1".repeat(64) + ".png").statusCode()).isEqualTo(404);
        assertThat(fetch("/ob3/images/not-a-digest.png").statusCode()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- helpers

    /** The lab's laser badge, once the catalog knows it (uploads find the badge's lab there). */
    private String achievementOf(Award award) {
        String achievement = award.lab() + "-laser";
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/achievements/" + achievement, award.admin()).status()).isEqualTo(200));
        return achievement;
    }

    private Reply upload(String achievement, String token, MediaType type, byte[] body) {
        return api.sendBytes(HttpMethod.PUT, "/api/achievements/" + achievement + "/image", token, type, body);
    }

    /** Another member of the award's lab earns the same badge, under whatever version is current; the award id. */
    private String earnAlso(Award award, String name) {
        String member = award.lab() + "-" + name;
        created(api.post("/api/labs/" + award.lab() + "/members", award.trainer(),
                         Map.of("memberId", member, "displayName", name)));
        created(api.post("/api/members/" + member + "/trainings", award.trainer(),
                         Map.of("labId", award.lab(), "courseCode", "laser-basics", "hours", 2)));
        created(api.post("/api/members/" + member + "/certifications", award.trainer(), Map.of(
                "certificationId", "cert-" + member, "labId", award.lab(), "scope", Map.of("machineType", "laser-cutter"),
                "level", "AUTONOMOUS", "expiry", Map.of("kind", "after-period", "period", "P1Y"))));
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/members/" + member + "/awards", award.admin()).body().path("awards")).hasSize(1));
        String awardId = api.get("/api/members/" + member + "/awards", award.admin()).body().path("awards").get(0)
                .path("awardId").asText();
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(fetch(urls.credential(awardId)).statusCode())
                .isEqualTo(200));
        return awardId;
    }

    private static Map<String, Object> revision(String description, String imageUrl) {
        return Map.of("name", "Laser pilot", "description", description, "imageUrl", imageUrl,
                      "criteria", List.of(Map.of("kind", "training-completed", "courseCode", "laser-basics"),
                                          Map.of("kind", "certification-held", "machineType", "laser-cutter",
                                                 "minimumLevel", "AUTONOMOUS")));
    }

    private static void assertRefused(Reply reply, int status, String code, String detail) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(reply.text("type")).isEqualTo("https://makerspace-ledger.org/problems/" + code);
        assertThat(reply.text("detail")).contains(detail);
    }

    private ObjectNode credential(String awardId) {
        return CredentialJson.parseObject(new String(fetch(urls.credential(awardId)).body(), StandardCharsets.UTF_8));
    }

    private String jwt(String awardId) {
        return new String(fetch(urls.credentialJwt(awardId)).body(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as("GET %s", response.uri()).isEqualTo(200);
        return CredentialJson.parseObject(new String(response.body(), StandardCharsets.UTF_8));
    }

    private static String ogImageWidth(String page) {
        Matcher width = OG_WIDTH.matcher(page);
        assertThat(width.find()).as("og:image:width in the page").isTrue();
        return width.group(1);
    }

    private static List<Integer> size(byte[] png) {
        BufferedImage image = pixels(png);
        return List.of(image.getWidth(), image.getHeight());
    }

    private static BufferedImage pixels(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
