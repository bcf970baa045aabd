package org.makerspace.api.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;

/**
 * The server enforces the bounds it publishes: every request-body property of {@code /v3/api-docs} with a
 * {@code minimum}, {@code maximum} or exclusive bound is sent just outside each bound (a 400 naming it) and at the
 * bound or just inside (accepted), through the operation that takes it. A bound published without a probe here, or a
 * probe whose bound is no longer published, fails the test, so that the two cannot drift apart.
 */
class PublishedBoundsIntegrationTest extends ApiIntegrationTestSupport {

    /** The smallest step of a decimal field: hours have at most two decimals. */
    private static final BigDecimal DECIMAL_STEP = new BigDecimal("0.01");

    private static final String SESSION_END = "POST /api/machines/{machineId}/sessions/{sessionId}/end";
    private static final String CERTIFICATION = "POST /api/members/{memberId}/certifications";

    /** A published bound of a request-body property. */
    record Bound(String operation, String field, boolean integer, BigDecimal minimum, boolean exclusiveMinimum,
                 BigDecimal maximum, boolean exclusiveMaximum) {

        String key() {
            return operation + " " + field;
        }

        /** Values the server must refuse: just below the minimum, just above the maximum, a fraction of an integer. */
        List<BigDecimal> outside() {
            List<BigDecimal> values = new ArrayList<>();
            BigDecimal step = integer ? BigDecimal.ONE : DECIMAL_STEP;
            if (minimum != null) {
                values.add(exclusiveMinimum ? minimum : minimum.subtract(step));
            }
            if (maximum != null) {
                values.add(exclusiveMaximum ? maximum : maximum.add(step));
            }
            if (integer && minimum != null) {
                values.add(minimum.add(new BigDecimal("0.5")));
            }
            return values;
        }

        /** Values the server must take: each bound itself, or just inside an exclusive one. */
        List<BigDecimal> inside() {
            List<BigDecimal> values = new ArrayList<>();
            BigDecimal step = integer ? BigDecimal.ONE : DECIMAL_STEP;
            if (minimum != null) {
                values.add(exclusiveMinimum ? minimum.add(step) : minimum);
            }
            if (maximum != null) {
                values.add(exclusiveMaximum ? maximum.subtract(step) : maximum);
            }
            return values;
        }
    }

    private String lab;
    private String labAdmin;
    private String trainer;
    private String machineId;
    private String machineKey;
    private String member;
    /** How to send a value of a field through its operation, by "METHOD /path field". */
    private Map<String, Function<BigDecimal, Reply>> probes;

    @BeforeEach
    void aLabWithAMachineAndACertifiedMember() {
        lab = unique("bounds-lab");
        labAdmin = registeredLab(lab);
        machineId = lab + "-laser";
        registeredMachine(labAdmin, lab, machineId, "laser-cutter", "HIGH");
        trainer = qualifiedTrainer(labAdmin, lab, "laser-cutter");
        member = certifiedMember(trainer, lab, "laser-cutter", "AUTONOMOUS", null);
        machineKey = machine(lab, machineId);
        probes = new LinkedHashMap<>();
        probes.put(SESSION_END + " minutes", value -> endOfASession("minutes", value));
        probes.put(SESSION_END + " energyWh", value -> endOfASession("energyWh", value));
        probes.put(CERTIFICATION + " expiry.months", value -> api.post(
                "/api/members/" + registeredMember() + "/certifications", trainer,
                Map.of("labId", lab, "scope", Map.of("machineType", "laser-cutter"), "level", "AUTONOMOUS",
                       "expiry", Map.of("kind", "after-inactivity", "months", value))));
        probes.put("POST /api/members/{memberId}/trainings hours", value -> api.post(
                "/api/members/" + member + "/trainings", trainer,
                Map.of("labId", lab, "courseCode", unique("course"), "hours", value)));
        probes.put("POST /api/members/{memberId}/contributions hours", value -> api.post(
                "/api/members/" + member + "/contributions", trainer,
                Map.of("labId", lab, "workshop", "repair café", "role", "HELPER", "hours", value)));
        probes.put("POST /api/labs/{labId}/members birthYear", value -> api.post(
                "/api/labs/" + lab + "/members", trainer, Map.of("displayName", "Someone", "birthYear", value)));
        probes.put("POST /api/labs/{labId}/machines maxSessionMinutes", value -> api.post(
                "/api/labs/" + lab + "/machines", labAdmin,
                Map.of("machineId", unique("lathe"), "name", "Lathe", "machineType", "lathe", "riskLevel", "HIGH",
                       "maxSessionMinutes", value)));
        probes.put("PUT /api/labs/{labId}/machines/{machineId}/requirement maxMonthsWithoutUse", value -> api.put(
                "/api/labs/" + lab + "/machines/" + machineId + "/requirement", labAdmin,
                Map.of("minimumLevel", "AUTONOMOUS", "maxMonthsWithoutUse", value)));
        probes.put("POST /api/labs/{labId}/machines/{machineId}/requirement/preview maxMonthsWithoutUse",
                   value -> api.post("/api/labs/" + lab + "/machines/" + machineId + "/requirement/preview",
                                     labAdmin, Map.of("minimumLevel", "AUTONOMOUS", "maxMonthsWithoutUse", value)));
        String admin = platformAdmin();
        probes.put("POST /api/test-probe/echo count", value -> api.post(
                "/api/test-probe/echo", admin, Map.of("name", "x", "count", value)));
        probes.put("POST /api/test-probe/echo/{tag} count", value -> api.post(
                "/api/test-probe/echo/tag", admin, Map.of("name", "x", "count", value)));
    }

    /**
     * A controller's report could be zero, negative, fractional or absurd (a broken meter); certification expiry had
     * no published bound at all, and refused 0 months with a message naming no field.
     */
    @Test
    void theMachinesReportsAndTheCertificationExpiryPublishTheirBounds() {
        Map<String, Bound> published = publishedBounds();

        assertThat(published.get(SESSION_END + " minutes"))
                .isEqualTo(new Bound(SESSION_END, "minutes", true, BigDecimal.ZERO, false, new BigDecimal(10080), false));
        assertThat(published.get(SESSION_END + " energyWh"))
                .isEqualTo(new Bound(SESSION_END, "energyWh", true, BigDecimal.ZERO, false,
                                     new BigDecimal(10_000_000), false));
        assertThat(published.get(CERTIFICATION + " expiry.months"))
                .isEqualTo(new Bound(CERTIFICATION, "expiry.months", true, BigDecimal.ONE, false,
                                     new BigDecimal(120), false));
    }

    /** "More than 0 hours" was published as a minimum of 0, which the server refused. */
    @Test
    void anExclusiveBoundIsPublishedAsExclusive() {
        Bound hours = publishedBounds().get("POST /api/members/{memberId}/trainings hours");

        assertThat(hours.minimum()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(hours.exclusiveMinimum()).isTrue();
    }

    @Test
    void theServerRefusesJustOutsideAndTakesJustInsideEveryPublishedBound() {
        Map<String, Bound> published = publishedBounds();

        assertThat(probes.keySet()).as("a probe for each published bound, and a bound for each probe")
                .containsExactlyInAnyOrderElementsOf(published.keySet());
        assertSoftly(softly -> published.values().forEach(bound -> {
            Function<BigDecimal, Reply> probe = probes.get(bound.key());
            for (BigDecimal outside : bound.outside()) {
                Reply reply = probe.apply(outside);
                softly.assertThat(reply.status()).as("%s = %s: %s", bound.key(), outside, reply.body()).isEqualTo(400);
                softly.assertThat(fieldsNamed(reply)).as("%s = %s", bound.key(), outside).contains(bound.field());
            }
            for (BigDecimal inside : bound.inside()) {
                Reply reply = probe.apply(inside);
                softly.assertThat(reply.status()).as("%s = %s: %s", bound.key(), inside, reply.body())
                        .isBetween(200, 299);
            }
        }));
    }

    private Reply endOfASession(String field, BigDecimal value) {
        String sessionId = unique("s");
        Instant started = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(
                () -> api.post("/api/machines/" + machineId + "/sessions", machineKey,
                               Map.of("sessionId", sessionId, "memberId", member, "startedAt", started.toString())),
                reply -> reply.status() == 204);
        return api.post("/api/machines/" + machineId + "/sessions/" + sessionId + "/end", machineKey,
                        Map.of("endedAt", started.plus(Duration.ofMinutes(30)).toString(), "reason", "finished",
                               field, value));
    }

    private String registeredMember() {
        String memberId = unique("member");
        Reply registered = api.post("/api/labs/" + lab + "/members", trainer,
                                    Map.of("memberId", memberId, "displayName", "Learner " + memberId));
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
        return memberId;
    }

    private static List<String> fieldsNamed(Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.body().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    // ---------------------------------------------------------------- reading the description

    private Map<String, Bound> publishedBounds() {
        JsonNode description = api.get("/v3/api-docs", null).body();
        JsonNode components = description.path("components").path("schemas");
        Map<String, Bound> bounds = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : description.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                String operation = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                JsonNode body = method.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                collect(operation, resolve(body, components), "", components, bounds);
            }
        }
        return bounds;
    }

    private static void collect(String operation, JsonNode schema, String prefix, JsonNode components,
                                Map<String, Bound> bounds) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String field = prefix + property.getKey();
            JsonNode value = resolve(property.getValue(), components);
            Bound bound = boundOf(operation, field, value);
            if (bound != null) {
                bounds.put(bound.key(), bound);
            }
            collect(operation, value, field + ".", components, bounds);
            collect(operation, resolve(value.path("items"), components), field + "[0].", components, bounds);
        }
    }

    /** The bound of a property, in OpenAPI 3.1's terms (an exclusive bound is a number, not a flag). */
    private static Bound boundOf(String operation, String field, JsonNode schema) {
        BigDecimal minimum = decimal(schema.path("minimum"));
        BigDecimal exclusiveMinimum = decimal(schema.path("exclusiveMinimum"));
        BigDecimal maximum = decimal(schema.path("maximum"));
        BigDecimal exclusiveMaximum = decimal(schema.path("exclusiveMaximum"));
        if (minimum == null && exclusiveMinimum == null && maximum == null && exclusiveMaximum == null) {
            return null;
        }
        return new Bound(operation, field, schema.path("type").asText().equals("integer"),
                         exclusiveMinimum != null ? exclusiveMinimum : minimum, exclusiveMinimum != null,
                         exclusiveMaximum != null ? exclusiveMaximum : maximum, exclusiveMaximum != null);
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode components) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : components.path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
