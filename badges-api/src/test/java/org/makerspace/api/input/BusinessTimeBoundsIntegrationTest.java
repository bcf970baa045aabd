package org.makerspace.api.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.makerspace.api.problem.Problems;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;

/**
 * Business times go from 1900 to the end of 9999, in bodies (see the problem package's malformed-bodies test for
 * every field) as in parameters, and the published description says so wherever the API takes one.
 */
class BusinessTimeBoundsIntegrationTest extends ApiIntegrationTestSupport {

    @Test
    void theFirstInstantOf1900IsTaken() {
        String lab = unique("lab");
        String labAdmin = registeredLab(lab);

        Reply registered = api.post("/api/labs/" + lab + "/members", labAdmin,
                                    Map.of("displayName", "Ada", "registeredAt", "1900-01-01T00:00:00Z"));

        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
    }

    @Test
    void anInstantParameterBefore1900NamesTheParameter() {
        Reply reply = api.get("/api/machines/any-machine/access-list?at=1899-12-31T23:59:59Z", platformAdmin());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("type")).isEqualTo(Problems.TYPE_BASE + "invalid-parameter");
        assertThat(reply.text("detail")).startsWith("parameter 'at' must be an ISO-8601 instant")
                .contains(BusinessTime.BOUNDS);
    }

    /** JSON Schema has no minimum for a date-time string: the description says it, for every one a request takes. */
    @Test
    void everyInstantTheApiTakesStatesItsBoundsInTheDescription() {
        JsonNode description = api.get("/v3/api-docs", null).body();
        List<String> undescribed = new ArrayList<>();
        List<String> described = new ArrayList<>();
        description.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String operation = op.getKey() + " " + path.getKey();
            op.getValue().path("parameters").forEach(parameter -> check(operation + " " + parameter.path("name"),
                                                                         parameter.path("schema"), described,
                                                                         undescribed));
            JsonNode body = resolve(op.getValue().path("requestBody").path("content").path("application/json")
                                            .path("schema"), description);
            walk(operation, body, description, described, undescribed, 0);
        }));

        assertThat(described).as("instants described").hasSizeGreaterThan(25);
        assertSoftly(softly -> softly.assertThat(undescribed).as("instants without their bounds").isEmpty());
    }

    private static void walk(String where, JsonNode schema, JsonNode description, List<String> described,
                             List<String> undescribed, int depth) {
        if (depth > 5) {
            return;
        }
        schema.path("properties").properties().forEach(property -> {
            JsonNode value = resolve(property.getValue(), description);
            check(where + " " + property.getKey(), value, described, undescribed);
            walk(where + " " + property.getKey(), value, description, described, undescribed, depth + 1);
            walk(where + " " + property.getKey() + "[]", resolve(value.path("items"), description), description,
                 described, undescribed, depth + 1);
        });
    }

    private static void check(String where, JsonNode schema, List<String> described, List<String> undescribed) {
        if (schema.path("format").asText().equals("date-time")) {
            (schema.path("description").asText().contains(BusinessTime.BOUNDS) ? described : undescribed).add(where);
        }
    }

    private static JsonNode resolve(JsonNode schema, JsonNode description) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema
                : description.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
