package org.makerspace.controller.simulator;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Map;

/**
 * The little JSON the controller reads and writes (answers, queue entries), with the parser nimbus ships and
 * machine-protocol already brings, rather than a JSON library of our own. Readers fail with
 * {@link IllegalArgumentException} naming the field.
 */
final class Json {

    private Json() {
    }

    static String write(Map<String, ?> object) {
        return JSONObjectUtils.toJSONString(object);
    }

    static Map<String, Object> parse(String json) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
    }

    static String string(Map<String, Object> object, String field) {
        if (object.get(field) instanceof String value) {
            return value;
        }
        throw new IllegalArgumentException("'" + field + "' must be a string");
    }

    static String optionalString(Map<String, Object> object, String field) {
        return object.get(field) == null ? null : string(object, field);
    }

    static Integer optionalInt(Map<String, Object> object, String field) {
        Object value = object.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && number.doubleValue() == number.intValue()) {
            return number.intValue();
        }
        throw new IllegalArgumentException("'" + field + "' must be an integer");
    }

    static int integer(Map<String, Object> object, String field) {
        Integer value = optionalInt(object, field);
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return value;
    }

    static boolean bool(Map<String, Object> object, String field) {
        if (object.get(field) instanceof Boolean value) {
            return value;
        }
        throw new IllegalArgumentException("'" + field + "' must be true or false");
    }

    static Instant instant(Map<String, Object> object, String field) {
        try {
            return Instant.parse(string(object, field));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + field + "' must be an ISO-8601 instant", e);
        }
    }

    static Instant optionalInstant(Map<String, Object> object, String field) {
        return object.get(field) == null ? null : instant(object, field);
    }
}
