package org.makerspace.ledger.member.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.makerspace.ledger.common.TypedId;

/** Identifies one granted machine certification of a member. */
public record CertificationId(@JsonValue String value) {

    @JsonCreator
    public CertificationId {
        TypedId.require(value, "CertificationId");
    }

    public static CertificationId of(String value) {
        return new CertificationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
