package org.makerspace.ledger.common;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Input checks for command handlers. A failure is a malformed request, not a refusal by the domain: it throws
 * {@link IllegalArgumentException} whose message starts with the offending field's name.
 */
public final class Require {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static String notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    public static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", but was " + value);
        }
        return value;
    }

    public static BigDecimal positiveAtMost(BigDecimal value, BigDecimal max, String field) {
        present(value, field);
        if (value.signum() <= 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + " must be more than 0 and at most " + max.toPlainString()
                    + ", but was " + value.toPlainString());
        }
        return value;
    }

    /** An absolute URL with an http or https scheme and a host, as a public profile or an image needs. */
    public static String httpUrl(String value, String field) {
        if (!isHttpUrl(value)) {
            throw new IllegalArgumentException(field + " must be an absolute http(s) URL, but was '" + value + "'");
        }
        return value;
    }

    /** Absent ({@code null}), or an absolute http(s) URL. */
    public static String optionalHttpUrl(String value, String field) {
        if (value != null && !isHttpUrl(value)) {
            throw new IllegalArgumentException(field + " must be absent or an absolute http(s) URL, but was '" + value + "'");
        }
        return value;
    }

    /** Absent ({@code null}), or something shaped like an e-mail address; delivery is not checked. */
    public static String optionalEmail(String value, String field) {
        if (value != null && !EMAIL.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be absent or an e-mail address, but was '" + value + "'");
        }
        return value;
    }

    /** At least one element, none {@code null}, none repeated. */
    public static <T> List<T> distinctElements(List<T> values, String field) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(field + " must hold at least one element");
        }
        var seen = new HashSet<T>();
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(field + " must not hold null elements");
            }
            if (!seen.add(value)) {
                throw new IllegalArgumentException(field + " must not repeat an element, but repeats " + value);
            }
        }
        return values;
    }

    /** Whether the value is an absolute URL with an http or https scheme and a host. */
    public static boolean isHttpUrl(String value) {
        if (value == null) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute()
                    && (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
