package org.makerspace.ledger.session.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.makerspace.ledger.common.TypedId;

/** Identifies one session on a machine: handed out with a grant online, made up by the controller offline. */
public record SessionId(@JsonValue String value) {

    @JsonCreator
    public SessionId {
        TypedId.require(value, "SessionId");
    }

    public static SessionId of(String value) {
        return new SessionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
