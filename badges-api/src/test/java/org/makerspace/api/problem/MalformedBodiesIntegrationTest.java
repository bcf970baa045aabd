package org.makerspace.api.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * What a fuzzer sent to every operation of the published description, kept as a test: each operation that takes a
 * JSON object is found in {@code /v3/api-docs}, and each of its fields is sent malformed on its own. Every answer is a
 * 400 problem naming the field, never a 500 nor a silent misreading. The body is read before the operation checks which
 * lab or member it is about, so the platform administrator reaches every operation's reading; the operations only a
 * machine's own key, or a member themself, may call are sent with the key of a machine, or a learner's token, of the
 * tests' own.
 */
class MalformedBodiesIntegrationTest extends ApiIntegrationTestSupport {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String MACHINE = "malformed-bodies-machine";
    /** The key of {@link #MACHINE}, for the operations only a machine's key may call; one machine for the class. */
    private static String machineKey;
    /** A member of that lab and their own token, for the operations that are the member's alone. */
    private static String member;
    private static String learner;

    private String admin;
    private List<Operation> operations;

    /** A JSON-taking operation, its path variables filled in. */
    record Operation(HttpMethod method, String path, List<Field> fields, String openTo) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * A field of a body, as a problem names it ({@code decisions[0].at}), with the steps that lead to it (a name, or
     * {@code 0} for the first item of an array) and its schema.
     */
    record Field(String name, List<Object> steps, JsonNode schema) {

        /** A body holding only this field, set to the value. */
        ObjectNode bodyWith(JsonNode value) {
            ObjectNode body = NODES.objectNode();
            JsonNode container = body;
            for (int i = 0; i < steps.size(); i++) {
                Object step = steps.get(i);
                Object next = i + 1 < steps.size() ? steps.get(i + 1) : null;
                JsonNode child = next == null ? value : next instanceof Integer ? NODES.arrayNode() : NODES.objectNode();
                if (container instanceof ObjectNode object) {
                    object.set((String) step, child);
                } else {
                    ((ArrayNode) container).add(child);
                }
                container = child;
            }
            return body;
        }
    }

    @BeforeEach
    void readTheDescription() {
        admin = platformAdmin();
        if (machineKey == null) {
            // Only a machine's own key gets past the rule of the operations its controller calls.
            String lab = unique("malformed-bodies");
            registeredMachine(registeredLab(lab), lab, MACHINE, "laser-cutter", "HIGH");
            machineKey = machine(lab, MACHINE);
            member = knownMember(lab);
            learner = learner(lab, member);
        }
        JsonNode description = api.get("/v3/api-docs", null).body();
        operations = jsonOperations(description, member);
    }

    @Test
    void everyJsonBodyRefusesAFieldSentTwice() {
        assertThat(operations).hasSizeGreaterThan(30);
        assertSoftly(softly -> operations.forEach(operation -> {
            String name = operation.fields().get(0).name();
            Reply reply = send(operation, "{\"" + name + "\": null, \"" + name + "\": null}");

            softly.assertThat(problem(reply)).as("%s with %s twice", operation, name)
                    .isEqualTo("400 malformed-request-body " + name);
        }));
    }

    @Test
    void everyArrayInABodyRefusesNullItems() {
        List<Probe> probes = probes(field -> field.schema().path("type").asText().equals("array"),
                                    field -> List.of(NODES.arrayNode().addNull()));
        assertThat(probes).extracting(probe -> probe.field().name()).contains("roles", "periods", "decisions");

        assertSoftly(softly -> probes.forEach(probe -> softly.assertThat(problem(send(probe))).as("%s", probe)
                .isEqualTo("400 malformed-request-body " + probe.field().name() + "[0]")));
    }

    /**
     * The extremes Java's {@code Instant} reads (which then overflowed, as milliseconds or plus a period), year 0, and
     * one instant just outside each end of the years a business time may take.
     */
    @Test
    void everyInstantInABodyRefusesTimesOutsideTheYearsOfTheLedger() {
        List<JsonNode> outside = List.of(
                NODES.textNode("+999999999-12-31T23:59:59Z"), NODES.textNode("-999999999-01-01T00:00:00Z"),
                NODES.textNode("0000-01-01T00:00:00Z"), NODES.textNode("1899-12-31T23:59:59.999Z"),
                NODES.textNode("+10000-01-01T00:00:00Z"), NODES.numberNode(1e300), NODES.textNode("99999999999999999"));
        List<Probe> probes = probes(field -> field.schema().path("format").asText().equals("date-time"),
                                    field -> outside);
        assertThat(probes).extracting(probe -> probe.field().name())
                .contains("registeredAt", "grantedAt", "expiry.validUntil", "decisions[0].at", "endedAt");

        assertSoftly(softly -> probes.forEach(probe -> softly.assertThat(problem(send(probe))).as("%s", probe)
                .isEqualTo("400 malformed-request-body " + probe.field().name())));
    }

    @Test
    void everyIntegerInABodyRefusesAFraction() {
        List<Probe> probes = probes(field -> field.schema().path("type").asText().equals("integer"),
                                    field -> List.of(NODES.numberNode(1.5), NODES.numberNode(1.0)));
        assertThat(probes).extracting(probe -> probe.field().name())
                .contains("minutes", "energyWh", "expiry.months", "maxSessionMinutes");

        assertSoftly(softly -> probes.forEach(probe -> softly.assertThat(problem(send(probe))).as("%s", probe)
                .isEqualTo("400 malformed-request-body " + probe.field().name())));
    }

    /** One malformed body: an operation, the field it is about, and the value sent there. */
    record Probe(Operation operation, Field field, JsonNode value) {

        @Override
        public String toString() {
            return operation + " with " + field.name() + " = " + value;
        }
    }

    private interface Values {
        List<JsonNode> of(Field field);
    }

    private List<Probe> probes(Predicate<Field> which, Values values) {
        List<Probe> probes = new ArrayList<>();
        for (Operation operation : operations) {
            for (Field field : operation.fields()) {
                if (which.test(field)) {
                    values.of(field).forEach(value -> probes.add(new Probe(operation, field, value)));
                }
            }
        }
        return probes;
    }

    private Reply send(Probe probe) {
        return send(probe.operation(), probe.field().bodyWith(probe.value()).toString());
    }

    private Reply send(Operation operation, String body) {
        String token = switch (operation.openTo()) {
            case "machine" -> machineKey;
            case "member" -> learner;
            default -> admin;
        };
        return api.send(operation.method(), operation.path(), token, MediaType.APPLICATION_JSON, body);
    }

    /** "400 malformed-request-body roles[0]": status, problem code and the fields the problem names. */
    private static String problem(Reply reply) {
        String type = reply.text("type") == null ? "(no problem type)" : reply.text("type").replace(Problems.TYPE_BASE, "");
        List<String> fields = new ArrayList<>();
        reply.body().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return reply.status() + " " + type + " " + String.join(", ", fields);
    }

    // ---------------------------------------------------------------- reading the description

    private static List<Operation> jsonOperations(JsonNode description, String member) {
        JsonNode components = description.path("components").path("schemas");
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : description.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode schema = method.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                List<Field> fields = new ArrayList<>();
                collect(resolve(schema, components), "", List.of(), components, fields);
                if (!fields.isEmpty()) {
                    operations.add(new Operation(HttpMethod.valueOf(method.getKey().toUpperCase(Locale.ROOT)),
                                                 path.getKey().replace("{machineId}", MACHINE)
                                                         .replace("{memberId}", member)
                                                         .replaceAll("\\{[^}]+}", "x"),
                                                 fields, method.getValue().path("x-open-to").asText()));
                }
            }
        }
        return operations;
    }

    private static void collect(JsonNode schema, String prefix, List<Object> steps, JsonNode components,
                                List<Field> fields) {
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = prefix + property.getKey();
            List<Object> toProperty = append(steps, property.getKey());
            JsonNode propertySchema = resolve(property.getValue(), components);
            fields.add(new Field(name, toProperty, propertySchema));
            collect(propertySchema, name + ".", toProperty, components, fields);
            JsonNode items = resolve(propertySchema.path("items"), components);
            collect(items, name + "[0].", append(toProperty, 0), components, fields);
        }
    }

    private static List<Object> append(List<Object> steps, Object step) {
        List<Object> longer = new ArrayList<>(steps);
        longer.add(step);
        return longer;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode components) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : components.path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
