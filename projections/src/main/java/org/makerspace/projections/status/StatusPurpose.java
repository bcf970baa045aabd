package org.makerspace.projections.status;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a list's bit is set. A revocation is final; a suspension can be lifted. Each lab keeps one list per purpose,
 * and an award has the same index in both.
 */
public enum StatusPurpose {
    REVOCATION("revocation"),
    SUSPENSION("suspension");

    private final String value;

    StatusPurpose(String value) {
        this.value = value;
    }

    /** The {@code statusPurpose} value of the specification. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
