package org.makerspace.controller.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.makerspace.machine.protocol.Json;

/**
 * The session running on the machine: whom it is for (the card's hash), since when, and when the controller must end
 * it and why: {@code time_limit} at the machine's longest session, {@code closing_time} when the opening hours end it
 * first, {@code permission_revoked} when the card's entry ends first.
 */
public record Session(String sessionId, String cardHash, Instant startedAt, Instant deadline, String deadlineReason,
                      boolean decidedOffline, String level) {

    /** Whole minutes from the start to {@code endedAt}: the usage reported with the end. */
    int minutesUntil(Instant endedAt) {
        return (int) Math.max(0, Duration.between(startedAt, endedAt).toMinutes());
    }

    String fingerprint() {
        return CardHasher.FINGERPRINT_PREFIX + cardHash;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sessionId", sessionId);
        json.put("cardHash", cardHash);
        json.put("startedAt", startedAt.toString());
        json.put("deadline", deadline.toString());
        json.put("deadlineReason", deadlineReason);
        json.put("decidedOffline", decidedOffline);
        json.put("level", level);
        return json;
    }

    static Session fromJson(Map<String, Object> json) {
        return new Session(Json.string(json, "sessionId"), Json.string(json, "cardHash"),
                           Json.instant(json, "startedAt"), Json.instant(json, "deadline"),
                           Json.string(json, "deadlineReason"), Json.bool(json, "decidedOffline"),
                           Json.optionalString(json, "level"));
    }
}
