package org.makerspace.ledger.lab.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.makerspace.ledger.common.TypedId;

/** Identifies a machine within the network; a machine belongs to exactly one lab. */
public record MachineId(@JsonValue String value) {

    @JsonCreator
    public MachineId {
        TypedId.require(value, "MachineId");
    }

    public static MachineId of(String value) {
        return new MachineId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
