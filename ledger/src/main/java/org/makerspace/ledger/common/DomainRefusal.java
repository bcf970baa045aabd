package org.makerspace.ledger.common;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A well-formed command refused because of the state it met. The message names that state for a person; the
 * {@link #code()} names the kind of refusal for a program and, once published, never changes.
 */
public class DomainRefusal extends RuntimeException {

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final String code;

    public DomainRefusal(String code, String message) {
        super(Objects.requireNonNull(message, "message"));
        if (code == null || !KEBAB_CASE.matcher(code).matches()) {
            throw new IllegalArgumentException("a refusal code must be kebab-case, but was '" + code + "'");
        }
        this.code = code;
    }

    /** The stable, machine-readable kind of refusal, such as {@code machine-out-of-service}. */
    public String code() {
        return code;
    }
}
