package org.makerspace.api.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.makerspace.api.problem.Problems;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;

/** An expiry period is at most a century: P999999999Y was taken, then overflowed the grant's date (a 500). */
class CertificationExpiryIntegrationTest extends ApiIntegrationTestSupport {

    private String lab;
    private String trainer;

    @BeforeEach
    void aLabWithATrainer() {
        lab = unique("expiry-lab");
        String labAdmin = registeredLab(lab);
        registeredMachine(labAdmin, lab, lab + "-laser", "laser-cutter", "HIGH");
        trainer = qualifiedTrainer(labAdmin, lab, "laser-cutter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P100Y", "P1200M", "P36525D"})
    void aCenturyIsTheLongestExpiryPeriod(String period) {
        Reply granted = grantExpiringAfter(period);

        assertThat(granted.status()).as("%s", granted.body()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P999999999Y", "P101Y", "P0D", "one year"})
    void anotherExpiryPeriodIsRefusedNamingTheField(String period) {
        Reply refused = grantExpiringAfter(period);

        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(400);
        assertThat(refused.text("type")).isEqualTo(Problems.TYPE_BASE + "validation-failed");
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("expiry.period");
    }

    @Test
    void theLongestPeriodIsPublished() {
        Reply description = api.get("/v3/api-docs", null);

        assertThat(description.body().at("/components/schemas/ExpiryRequest/properties/period/description").asText())
                .contains("at most 100 years");
        assertThat(description.body().at("/components/schemas/ExpiryRequest/properties/months/maximum").asInt())
                .isEqualTo(120);
    }

    private Reply grantExpiringAfter(String period) {
        String member = unique("member");
        assertThat(api.post("/api/labs/" + lab + "/members", trainer,
                            Map.of("memberId", member, "displayName", "Learner " + member)).status()).isEqualTo(201);
        return api.post("/api/members/" + member + "/certifications", trainer,
                        Map.of("labId", lab, "scope", Map.of("machineType", "laser-cutter"), "level", "AUTONOMOUS",
                               "expiry", Map.of("kind", "after-period", "period", period)));
    }
}
