package org.makerspace.api.recognition.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.baking.BadgePayload;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.LoopbackClient;
import org.makerspace.api.testing.LoopbackPartner;
import org.makerspace.api.testing.Reply;
import org.makerspace.api.testing.TestCredentials;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.projections.credential.ob3.CredentialRequest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A member's partner credentials imported over HTTP: verified with every check passing, from a partner of the
 * member's lab, shown to be the member's, each once; and who may import.
 */
class ImportedCredentialsIntegrationTest extends ApiIntegrationTestSupport {

    private static final Duration READ_MODELS = Duration.ofSeconds(10);
    private static final Instant AWARDED = Instant.parse("2026-01-10T09:00:00Z");
    private static final Instant ENDS = Instant.parse("2099-01-10T09:00:00Z");
    private static final String EMAIL = "ada@lovelace.example";

    @LocalServerPort
    private int port;

    private LoopbackPartner partner;
    private String lab;
    private String admin;
    private String memberId;
    private String learner;

    @BeforeEach
    void memberOfALabWithAPartner() {
        partner = new LoopbackPartner();
        lab = unique("importing-lab");
        admin = registeredLab(lab);
        declare(lab, admin, partner);
        memberId = unique("member");
        Reply registered = api.post("/api/labs/" + lab + "/members", admin,
                                    Map.of("memberId", memberId, "displayName", "Ada", "email", EMAIL));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        Map<String, Object> account = account("LEARNER", lab);
        account.put("memberId", memberId);
        learner = login(createAccount(account), PASSWORD);
    }

    @AfterEach
    void stopPartner() {
        partner.close();
    }

    private void declare(String labId, String labAdmin, LoopbackPartner trusted) {
        assertThat(api.post("/api/labs/" + labId + "/partners", labAdmin,
                            Map.of("partnerIssuerId", trusted.issuerId(), "partnerName", "Fablab Outside"))
                           .status()).isEqualTo(201);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/labs/" + labId + "/partners", null).body().path("partners")
                        .findValuesAsText("issuerId")).contains(trusted.issuerId()));
    }

    private CredentialRequest laserBadge(LoopbackPartner issuer) {
        return issuer.request("Laser Cutter Operator", MemberId.of(unique("partner-member")), AWARDED, ENDS, -1);
    }

    /** Names the recipient by a salted hash of this e-mail address, as OB 3.0 IdentityObjects do. */
    private static Consumer<ObjectNode> recipientEmail(String email) {
        return credential -> {
            ArrayNode identifiers = (ArrayNode) credential.path("credentialSubject").path("identifier");
            ObjectNode identity = (ObjectNode) identifiers.get(0);
            identity.put("identityType", "emailAddress");
            identity.put("identityHash", "sha256$" + HexFormat.of().formatHex(
                    sha256(email + identity.path("salt").asText())));
        };
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply importing(String token, String contentType, String credential) {
        return importing(token, contentType, credential.getBytes(StandardCharsets.UTF_8));
    }

    private Reply importing(String token, String contentType, byte[] credential) {
        return new LoopbackClient(port, "127.0.0.1")
                .post("/api/members/" + memberId + "/imported-credentials", token, contentType, credential);
    }

    @Test
    void staffImportsAPartnersCredentialAndTheMemberSeesIt() {
        CredentialRequest badge = laserBadge(partner);

        Reply imported = importing(admin, "application/vc+ld+json", partner.signJsonLd(badge));

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        assertThat(imported.text("issuerId")).isEqualTo(partner.issuerId());
        assertThat(imported.text("achievementName")).isEqualTo("Laser Cutter Operator");
        assertThat(imported.text("achievementId")).endsWith("/ob3/achievements/laser-cutter-operator");
        assertThat(imported.text("credentialId")).isEqualTo("urn:uuid:" + badge.award().awardId());
        assertThat(imported.text("validUntil")).isEqualTo("2099-01-10T09:00:00Z");
        await().atMost(READ_MODELS).untilAsserted(() -> {
            Reply record = api.get("/api/members/" + memberId + "/imported-credentials", learner);
            assertThat(record.status()).isEqualTo(200);
            assertThat(record.body().path("credentials").findValuesAsText("importId"))
                    .containsExactly(imported.text("importId"));
            Reply passport = api.get("/api/members/" + memberId + "/passport", learner);
            assertThat(passport.body().path("partnerCredentials").findValuesAsText("credentialId"))
                    .containsExactly(imported.text("credentialId"));
        });
    }

    @Test
    void staffImportsACredentialBakedIntoABadgeImage() {
        byte[] png = TestCredentials.bakedPng(BadgePayload.ob3Jwt(partner.signJwt(laserBadge(partner))));

        assertThat(importing(trainer(lab), "image/png", png).status()).isEqualTo(201);
    }

    @Test
    void learnerImportsACredentialNamingTheirEmailAddress() {
        String jwt = partner.signJwt(laserBadge(partner), recipientEmail(EMAIL));

        Reply imported = importing(learner, "application/vc+jwt", jwt);

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
    }

    @Test
    void learnerCannotImportACredentialThatDoesNotNameThem() {
        Reply refused = importing(learner, "application/vc+ld+json", partner.signJsonLd(laserBadge(partner)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("/recipient-not-proven");
    }

    @Test
    void aLearnerIsToldInFrenchByDefaultWhatToDoWithABadgeNamingSomeoneElse() {
        String someoneElses = partner.signJwt(laserBadge(partner), recipientEmail("grace@hopper.example"));

        Reply refused = importing(learner, "application/vc+jwt", someoneElses);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("detail")).startsWith("Ce badge est au nom d'une autre adresse e-mail")
                .contains("Demandez à un formateur ou une formatrice de votre lab");
    }

    @Test
    void aLearnerAskingForEnglishIsToldInEnglish() {
        HttpHeaders english = new HttpHeaders();
        english.setAcceptLanguageAsLocales(List.of(Locale.UK));

        Reply refused = api.send(HttpMethod.POST, "/api/members/" + memberId + "/imported-credentials", learner,
                                 MediaType.valueOf("application/vc+ld+json"),
                                 partner.signJsonLd(laserBadge(partner)), english);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("detail")).startsWith("This badge does not name the e-mail address on your account")
                .contains("Ask a trainer of your lab");
    }

    @Test
    void nobodyImportsACredentialOfAnotherEmailAddress() {
        String someoneElses = partner.signJsonLd(laserBadge(partner), recipientEmail("grace@hopper.example"));

        Reply refused = importing(admin, "application/vc+ld+json", someoneElses);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("/recipient-mismatch");
    }

    @Test
    void theSameCredentialIsImportedOnce() {
        String credential = partner.signJsonLd(laserBadge(partner));
        assertThat(importing(admin, "application/vc+ld+json", credential).status()).isEqualTo(201);

        Reply again = importing(admin, "application/json", credential);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).endsWith("/credential-already-imported");
    }

    @Test
    void credentialOfAPartnerOfAnotherLabOnlyIsNotImported() {
        try (LoopbackPartner stranger = new LoopbackPartner()) {
            String otherLab = unique("other-lab");
            declare(otherLab, registeredLab(otherLab), stranger);

            Reply refused = importing(admin, "application/vc+ld+json", stranger.signJsonLd(laserBadge(stranger)));

            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
            assertThat(refused.text("type")).endsWith("/issuer-not-partner");
        }
    }

    @Test
    void credentialThatFailsAnyCheckIsNotImportedAndTheAnswerSaysWhich() {
        String tampered = TestCredentials.changed(partner.signJsonLd(laserBadge(partner)), credential ->
                ((ObjectNode) credential.path("credentialSubject").path("achievement")).put("name", "Laser Trainer"));

        Reply refused = importing(admin, "application/vc+ld+json", tampered);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("/credential-not-verified");
        assertThat(refused.text("detail")).endsWith("failed: signature");
        assertThat(refused.body().path("checks").findValuesAsText("name")).contains("signature", "issuer_trusted");
    }

    @Test
    void anonymousMayVerifyButNotImport() {
        String credential = partner.signJsonLd(laserBadge(partner));

        Reply anonymousImport = importing(null, "application/vc+ld+json", credential);
        Reply anonymousVerify = new LoopbackClient(port, "127.0.0.6")
                .post("/api/verify", null, "application/vc+ld+json", credential);

        assertThat(anonymousImport.status()).isEqualTo(401);
        assertThat(anonymousVerify.status()).isEqualTo(200);
        assertThat(anonymousVerify.body().path("verified").asBoolean()).isTrue();
    }

    @Test
    void anotherMemberMayNotImportIntoThisRecord() {
        Reply refused = importing(learner(lab), "application/vc+ld+json", partner.signJsonLd(laserBadge(partner)));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.get("/api/members/" + memberId + "/imported-credentials", learner(lab)).status())
                .isEqualTo(403);
    }

    // ---------------------------------------------------------------- machines opened by a partner's credential

    private String registeredLaser() {
        String machineId = unique("laser");
        registeredMachine(admin, lab, machineId, "laser-cutter", "HIGH");
        return machineId;
    }

    private static Map<String, Object> recognition(String issuerId, String achievementId, String level) {
        return Map.of("partnerIssuerId", issuerId, "partnerAchievementId", achievementId,
                      "machines", Map.of("machineType", "laser-cutter"), "level", level);
    }

    @Test
    void aRecognisedPartnerCredentialOpensTheLabsMachinesUntilTheRecognitionIsWithdrawn() {
        String machineId = registeredLaser();
        String machineKey = machine(lab, machineId);
        Reply imported = importing(admin, "application/vc+ld+json", partner.signJsonLd(laserBadge(partner)));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        String achievementId = imported.text("achievementId");
        Map<String, String> ada = Map.of("memberId", memberId);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.post("/api/machines/" + machineId + "/access", machineKey, ada).text("reason"))
                .isEqualTo("no_certification"));

        Reply recognised = api.post("/api/labs/" + lab + "/partners/recognised-achievements", admin,
                                    recognition(partner.issuerId(), achievementId, "AUTONOMOUS"));

        assertThat(recognised.status()).as(recognised.body().toString()).isEqualTo(201);
        await().atMost(READ_MODELS).untilAsserted(() -> {
            Reply answer = api.post("/api/machines/" + machineId + "/access", machineKey, ada);
            assertThat(answer.text("decision")).isEqualTo("granted");
            assertThat(answer.text("level")).isEqualTo("autonomous");
            assertThat(answer.text("partnerCredentialId")).isEqualTo(imported.text("credentialId"));
        });
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/labs/" + lab + "/partners", null).body().path("partners").get(0)
                        .path("recognisedAchievements").findValuesAsText("achievementId"))
                .containsExactly(achievementId));

        Reply withdrawn = api.post("/api/labs/" + lab + "/partners/recognised-achievements/withdrawal", admin,
                                   Map.of("partnerIssuerId", partner.issuerId(), "partnerAchievementId", achievementId,
                                          "reason", "syllabus changed"));

        assertThat(withdrawn.status()).as(withdrawn.body().toString()).isEqualTo(204);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.post("/api/machines/" + machineId + "/access", machineKey, ada).text("reason"))
                .isEqualTo("no_certification"));
    }

    @Test
    void onlyTheLabsAdminRecognisesAPartnersAchievement() {
        Map<String, Object> body = recognition(partner.issuerId(), partner.issuerId() + "/laser", "AUTONOMOUS");
        String path = "/api/labs/" + lab + "/partners/recognised-achievements";
        String otherLab = unique("other-lab");
        registeredLab(otherLab);

        assertThat(api.post(path, null, body).status()).isEqualTo(401);
        assertThat(api.post(path, learner, body).status()).isEqualTo(403);
        assertThat(api.post(path, trainer(lab), body).status()).isEqualTo(403);
        assertThat(api.post(path, labAdmin(otherLab), body).status()).isEqualTo(403);
        assertThat(api.post(path + "/withdrawal", trainer(lab), Map.of("partnerIssuerId", partner.issuerId(),
                "partnerAchievementId", partner.issuerId() + "/laser", "reason", "no")).status()).isEqualTo(403);
    }

    @Test
    void aRecognitionIsRefusedForAnUntrustedPartnerOrAboveAutonomous() {
        String path = "/api/labs/" + lab + "/partners/recognised-achievements";

        Reply untrusted = api.post(path, admin, recognition("https://elsewhere.example/issuer", "https://elsewhere.example/a",
                                                           "AUTONOMOUS"));
        Reply trainerLevel = api.post(path, admin, recognition(partner.issuerId(), partner.issuerId() + "/laser",
                                                              "TRAINER"));
        Reply twoScopes = api.post(path, admin, Map.of("partnerIssuerId", partner.issuerId(),
                "partnerAchievementId", partner.issuerId() + "/laser", "level", "AUTONOMOUS",
                "machines", Map.of("machineType", "laser-cutter", "machineId", "laser-1")));

        assertThat(untrusted.status()).isEqualTo(409);
        assertThat(untrusted.text("type")).endsWith("/partner-not-trusted");
        assertThat(trainerLevel.status()).isEqualTo(409);
        assertThat(trainerLevel.text("type")).endsWith("/partner-achievement-level-too-high");
        assertThat(twoScopes.status()).isEqualTo(400);
    }
}
