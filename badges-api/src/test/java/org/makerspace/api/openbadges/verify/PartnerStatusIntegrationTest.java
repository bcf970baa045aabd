package org.makerspace.api.openbadges.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.LoopbackClient;
import org.makerspace.api.testing.LoopbackPartner;
import org.makerspace.api.testing.Reply;
import org.makerspace.ledger.member.api.MemberId;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A trusted partner's credential names its revocation list; the partner publishes its suspension list beside it, at
 * the same index. For each list, set, clear, out of reach, or signed with a stranger's key: the answer says which
 * ({@code status}), and only a credential whose every list was read, believed and clear is {@code verified}. A
 * partner that publishes no suspension list at all is no reason to refuse. Requests come from 127.0.0.11, an address
 * no other test spends its verification quota from.
 */
class PartnerStatusIntegrationTest extends ApiIntegrationTestSupport {

    private static final Instant AWARDED = Instant.parse("2026-01-10T09:00:00Z");
    private static final Instant ENDS = Instant.parse("2099-01-10T09:00:00Z");
    private static final int INDEX = 7;

    @LocalServerPort
    private int port;

    private LoopbackPartner partner;
    private String lab;
    private String admin;

    @BeforeEach
    void labTrustingAPartner() {
        partner = new LoopbackPartner();
        lab = unique("status-lab");
        assertThat(api.post("/api/labs", platformAdmin(), Map.of("labId", lab, "name", "Fablab " + lab,
                                                                 "publicUrl", "https://" + lab + ".example"))
                           .status()).isEqualTo(201);
        admin = labAdmin(lab);
        Reply declared = api.post("/api/labs/" + lab + "/partners", admin,
                                  Map.of("partnerIssuerId", partner.issuerId(), "partnerName", "Fablab Outside"));
        assertThat(declared.status()).as("%s", declared.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get("/api/labs/" + lab + "/partners", null).body().path("partners").findValuesAsText("issuerId"))
                .contains(partner.issuerId()));
    }

    @AfterEach
    void stopPartner() {
        partner.close();
    }

    @ParameterizedTest(name = "{0} list {1}: {2}")
    @CsvSource({
            "revocation, set, revoked",
            "revocation, clear, active",
            "revocation, unreachable, status_unavailable",
            "revocation, forged, status_invalid",
            "suspension, set, suspended",
            "suspension, clear, active",
            "suspension, unreachable, status_unavailable",
            "suspension, forged, status_invalid"})
    void theStatusSaysWhatTheListsSayAndOnlyClearListsVerify(String purpose, String list, String expected) {
        partner.publishSuspensions();
        switch (list) {
            case "set" -> {
                if (purpose.equals("revocation")) {
                    partner.revoke(INDEX);
                } else {
                    partner.suspend(INDEX);
                }
            }
            case "unreachable" -> partner.makeUnreachable(purpose);
            case "forged" -> partner.forgeSignature(purpose);
            default -> {
                // both lists published, the bit clear
            }
        }

        JsonNode answer = verify(partner.signJsonLd(partner.request("Laser", MemberId.of(unique("member")), AWARDED,
                                                                    ENDS, INDEX)));

        assertThat(answer.path("status").asText()).as("%s", answer).isEqualTo(expected);
        assertThat(status(answer).path("reason").asText()).isEqualTo(expected);
        assertThat(status(answer).path("ok").asBoolean()).isEqualTo(expected.equals("active"));
        assertThat(answer.path("verified").asBoolean()).isEqualTo(expected.equals("active"));
    }

    @Test
    void aPartnerThatPublishesNoSuspensionListIsNoReasonToRefuse() {
        JsonNode answer = verify(partner.signJsonLd(partner.request("Laser", MemberId.of(unique("member")), AWARDED,
                                                                    ENDS, INDEX)));

        assertThat(answer.path("verified").asBoolean()).as("%s", answer).isTrue();
        assertThat(answer.path("status").asText()).isEqualTo("active");
        assertThat(partner.requests()).contains("/status-lists/" + LoopbackPartner.LAB + "/suspension");
    }

    /** At the lab's door: a credential the partner suspended is not imported, and the refusal says why. */
    @Test
    void aSuspendedPartnerCredentialIsNotImported() {
        partner.suspend(INDEX);
        String member = unique("member");
        assertThat(api.post("/api/labs/" + lab + "/members", admin, Map.of("memberId", member, "displayName", "Ada"))
                           .status()).isEqualTo(201);

        Reply refused = new LoopbackClient(port, "127.0.0.11").post(
                "/api/members/" + member + "/imported-credentials", admin, "application/vc+ld+json",
                partner.signJsonLd(partner.request("Laser", MemberId.of(member), AWARDED, ENDS, INDEX)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("/credential-not-verified");
        assertThat(refused.body().toString()).contains("suspended");
    }

    private JsonNode verify(String credential) {
        Reply reply = new LoopbackClient(port, "127.0.0.11").post("/api/verify", null, "application/vc+ld+json",
                                                                 credential);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static JsonNode status(JsonNode answer) {
        for (JsonNode check : answer.path("checks")) {
            if (check.path("name").asText().equals("status")) {
                return check;
            }
        }
        throw new AssertionError("no status check in " + answer);
    }
}
