package org.makerspace.ledger.member.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.makerspace.ledger.common.TypedId;

/**
 * Identifies an award a member earned. Awards are decided by the read side from the ledger's events (a name-based
 * UUID of member, achievement, version and triggering event); the ledger records only what a lab decides about one
 * afterwards, such as its revocation.
 */
public record AwardId(@JsonValue String value) {

    @JsonCreator
    public AwardId {
        TypedId.require(value, "AwardId");
    }

    public static AwardId of(String value) {
        return new AwardId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
