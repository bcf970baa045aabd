package org.makerspace.ledger.lab.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.makerspace.ledger.common.TypedId;

/** Identifies a lab: the issuer of certifications and badges. */
public record LabId(@JsonValue String value) {

    @JsonCreator
    public LabId {
        TypedId.require(value, "LabId");
    }

    public static LabId of(String value) {
        return new LabId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
