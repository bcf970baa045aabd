package org.makerspace.ledger.recognition.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.makerspace.ledger.common.TypedId;

/** Identifies one import of another issuer's credential into a member's record. */
public record ImportId(@JsonValue String value) {

    @JsonCreator
    public ImportId {
        TypedId.require(value, "ImportId");
    }

    public static ImportId of(String value) {
        return new ImportId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
