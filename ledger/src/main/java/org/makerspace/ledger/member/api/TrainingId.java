package org.makerspace.ledger.member.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.makerspace.ledger.common.TypedId;

/** Identifies one recorded training of a member, so that it can be retracted later. */
public record TrainingId(@JsonValue String value) {

    @JsonCreator
    public TrainingId {
        TypedId.require(value, "TrainingId");
    }

    public static TrainingId of(String value) {
        return new TrainingId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
