package org.makerspace.ledger.lab.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.makerspace.ledger.common.TypedId;

/** Identifies a trainer of a lab; the trainer's name lives in the staff directory, never in events. */
public record TrainerId(@JsonValue String value) {

    @JsonCreator
    public TrainerId {
        TypedId.require(value, "TrainerId");
    }

    public static TrainerId of(String value) {
        return new TrainerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
