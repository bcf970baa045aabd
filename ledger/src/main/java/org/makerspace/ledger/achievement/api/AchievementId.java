package org.makerspace.ledger.achievement.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.makerspace.ledger.common.TypedId;

/** Identifies a badge definition of a lab. */
public record AchievementId(@JsonValue String value) {

    @JsonCreator
    public AchievementId {
        TypedId.require(value, "AchievementId");
    }

    public static AchievementId of(String value) {
        return new AchievementId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
