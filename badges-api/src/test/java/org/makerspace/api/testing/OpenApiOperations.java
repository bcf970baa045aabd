package org.makerspace.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.makerspace.api.audience.AccessRule;

/**
 * The operations of the application's OpenAPI document, for tests that call every one of them: who may call each
 * ({@code x-open-to}), and request bodies built from the document's schemas.
 */
public final class OpenApiOperations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int DEEPEST = 4;

    private OpenApiOperations() {
    }

    /** One operation: its method (lowercase, as in the document), path template and definition. */
    public record Operation(String method, String path, JsonNode definition, JsonNode document) {

        /** The rule the operation states, or null when it states none. */
        public AccessRule rule() {
            JsonNode code = definition.path("x-open-to");
            if (code.isMissingNode()) {
                return null;
            }
            for (AccessRule rule : AccessRule.values()) {
                if (rule.code().equals(code.asText())) {
                    return rule;
                }
            }
            throw new AssertionError(this + " states an unknown rule " + code);
        }

        /** An operation that answers a stream of server-sent events. */
        public boolean isStream() {
            return definition.path("responses").toString().contains("text/event-stream");
        }

        /** The JSON schema of the request body; null when the operation takes no JSON body. */
        public JsonNode bodySchema() {
            JsonNode json = definition.path("requestBody").path("content").path("application/json");
            return json.isMissingNode() ? null : json.path("schema");
        }

        /** The first media type the operation's request body takes, or null when it takes none. */
        public String bodyMediaType() {
            Iterator<String> types = definition.path("requestBody").path("content").fieldNames();
            return types.hasNext() ? types.next() : null;
        }

        /** The query parameters the operation requires, with their schemas. */
        public Map<String, JsonNode> requiredQueryParameters() {
            Map<String, JsonNode> parameters = new java.util.LinkedHashMap<>();
            for (JsonNode parameter : definition.path("parameters")) {
                if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean()) {
                    parameters.put(parameter.path("name").asText(), parameter.path("schema"));
                }
            }
            return parameters;
        }

        /** Whether the request body has, at any depth, a property of one of these names. */
        public boolean bodyHasProperty(Set<String> names) {
            return bodySchema() != null && hasProperty(bodySchema(), names, 0);
        }

        private boolean hasProperty(JsonNode schema, Set<String> names, int depth) {
            if (depth > DEEPEST) {
                return false;
            }
            if (schema.has("$ref")) {
                String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
                return hasProperty(document.path("components").path("schemas").path(name), names, depth);
            }
            Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                if (names.contains(property.getKey()) || hasProperty(property.getValue(), names, depth + 1)) {
                    return true;
                }
            }
            return schema.has("items") && hasProperty(schema.get("items"), names, depth + 1);
        }

        /** A value the schema accepts, {@code fixed} giving the values of properties so named. */
        public JsonNode example(JsonNode schema, Map<String, JsonNode> fixed) {
            return OpenApiOperations.example(schema, document, fixed, 0);
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** Every operation of the application's document, leaving out the probes tests add. */
    public static List<Operation> read(ApiClient api) {
        JsonNode document = api.get("/v3/api-docs", null).body();
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/test-probe/")) {
                path.getValue().fields().forEachRemaining(method -> operations.add(
                        new Operation(method.getKey(), path.getKey(), method.getValue(), document)));
            }
        });
        return operations;
    }

    /**
     * A value the schema accepts: its required properties and its numbers (an unset number reads as zero), the first
     * of an enumeration or a choice, a time a minute ago for a date-time.
     */
    static JsonNode example(JsonNode schema, JsonNode document, Map<String, JsonNode> fixed, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return example(document.path("components").path("schemas").path(name), document, fixed, depth);
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            JsonNode choices = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
            return example(choices.get(0), document, fixed, depth);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if (schema.has("pattern") && schema.get("pattern").asText().matches("[a-z]+(\\|[a-z]+)+")) {
            return NODES.textNode(schema.get("pattern").asText().split("\\|")[0]);
        }
        String format = schema.path("format").asText();
        switch (schema.path("type").asText("object")) {
            case "string":
                if (format.equals("date-time")) {
                    return NODES.textNode(Instant.now().minusSeconds(60).toString());
                }
                if (format.equals("time") || format.equals("partial-time")) {
                    return NODES.textNode("10:00");
                }
                return NODES.textNode("example-value-".repeat(4)
                                              .substring(0, Math.max(14, schema.path("minLength").asInt())));
            case "integer":
            case "number":
                return NODES.numberNode(schema.has("minimum") ? Math.max(1, schema.get("minimum").asLong()) : 1);
            case "boolean":
                return NODES.booleanNode(false);
            case "array":
                ArrayNode array = NODES.arrayNode();
                if (depth < DEEPEST) {
                    array.add(example(schema.path("items"), document, fixed, depth + 1));
                }
                return array;
            default:
                ObjectNode object = NODES.objectNode();
                Set<String> required = new HashSet<>();
                schema.path("required").forEach(name -> required.add(name.asText()));
                Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    String name = property.getKey();
                    if (fixed.containsKey(name)) {
                        object.set(name, fixed.get(name));
                    } else if ((required.contains(name) || isNumber(property.getValue())) && depth < DEEPEST) {
                        object.set(name, example(property.getValue(), document, fixed, depth + 1));
                    }
                }
                return object;
        }
    }

    private static boolean isNumber(JsonNode schema) {
        String type = schema.path("type").asText();
        return type.equals("integer") || type.equals("number");
    }
}
