package org.makerspace.ledger.member.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.makerspace.ledger.common.TypedId;

/** Identifies a learner; personal data is kept out of events and referenced by this id. */
public record MemberId(@JsonValue String value) {

    @JsonCreator
    public MemberId {
        TypedId.require(value, "MemberId");
    }

    public static MemberId of(String value) {
        return new MemberId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
