package org.makerspace.machine.protocol;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading and writing the protocol's JSON with the parser nimbus already ships, so that the module needs no JSON
 * library of its own; public for controllers, which read and write the same little JSON (answers, queued reports).
 * Readers fail with {@link IllegalArgumentException} naming the field, which callers turn into their own refusal.
 */
public final class Json {

    private Json() {
    }

    public static String write(Map<String, ?> object) {
        return JSONObjectUtils.toJSONString(object);
    }

    public static Map<String, Object> parse(String json) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
    }

    public static String string(Map<String, Object> object, String field) {
        if (object.get(field) instanceof String value) {
            return value;
        }
        throw new IllegalArgumentException("'" + field + "' must be a string");
    }

    public static String optionalString(Map<String, Object> object, String field) {
        return object.get(field) == null ? null : string(object, field);
    }

    public static long number(Map<String, Object> object, String field) {
        if (object.get(field) instanceof Number value && value.doubleValue() == value.longValue()) {
            return value.longValue();
        }
        throw new IllegalArgumentException("'" + field + "' must be an integer");
    }

    public static int smallNumber(Map<String, Object> object, String field) {
        return Math.toIntExact(number(object, field));
    }

    /** The field as an int, or null when absent; a value that is not a whole int is refused. */
    public static Integer optionalInt(Map<String, Object> object, String field) {
        Object value = object.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && number.doubleValue() == number.intValue()) {
            return number.intValue();
        }
        throw new IllegalArgumentException("'" + field + "' must be an integer");
    }

    public static int integer(Map<String, Object> object, String field) {
        Integer value = optionalInt(object, field);
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return value;
    }

    public static boolean bool(Map<String, Object> object, String field) {
        if (object.get(field) instanceof Boolean value) {
            return value;
        }
        throw new IllegalArgumentException("'" + field + "' must be true or false");
    }

    public static Instant instant(Map<String, Object> object, String field) {
        try {
            return Instant.parse(string(object, field));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + field + "' must be an ISO-8601 instant", e);
        }
    }

    public static Instant optionalInstant(Map<String, Object> object, String field) {
        return object.get(field) == null ? null : instant(object, field);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> optionalObject(Map<String, Object> object, String field) {
        Object value = object.get(field);
        if (value == null || value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw new IllegalArgumentException("'" + field + "' must be an object");
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(Map<String, Object> object, String field) {
        if (!(object.get(field) instanceof List<?> list)) {
            throw new IllegalArgumentException("'" + field + "' must be an array");
        }
        List<Map<String, Object>> objects = new ArrayList<>(list.size());
        for (Object element : list) {
            if (!(element instanceof Map)) {
                throw new IllegalArgumentException("'" + field + "' must hold objects only");
            }
            objects.add((Map<String, Object>) element);
        }
        return objects;
    }
}
