package org.makerspace.projections.credential.jsonld;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * The one JSON mapping of credentials. Output keeps the order fields were put in and escapes nothing but what JSON
 * requires, so building the same credential twice gives the same bytes. Input refuses duplicate keys: two parsers
 * that keep different duplicates would read different claims under the same signature.
 */
public final class CredentialJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CredentialJson() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a JSON object; anything else, or malformed JSON, is an {@link IllegalArgumentException}. */
    public static ObjectNode parseObject(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Compact JSON, fields in insertion order. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** The same object as Jakarta JSON, the model of the JSON-LD processor. */
    public static JsonObject toJakarta(ObjectNode node) {
        try (JsonReader reader = Json.createReader(new StringReader(write(node)))) {
            return reader.readObject();
        }
    }
}
