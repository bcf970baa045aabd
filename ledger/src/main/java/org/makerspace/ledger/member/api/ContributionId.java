package org.makerspace.ledger.member.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.makerspace.ledger.common.TypedId;

/** Identifies one recorded workshop contribution, so that it can be retracted later. */
public record ContributionId(@JsonValue String value) {

    @JsonCreator
    public ContributionId {
        TypedId.require(value, "ContributionId");
    }

    public static ContributionId of(String value) {
        return new ContributionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
