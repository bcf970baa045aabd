package org.makerspace.ledger.common;

import java.util.regex.Pattern;

/** Validation shared by the one-field identifier records. */
public final class TypedId {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    private TypedId() {
    }

    /**
     * Identifiers travel in URLs, Mongo keys and logs; restricting them to a safe alphabet keeps all three
     * free of escaping bugs.
     */
    public static String require(String value, String kind) {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " must be 1-100 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit, but was '" + value + "'");
        }
        return value;
    }
}
