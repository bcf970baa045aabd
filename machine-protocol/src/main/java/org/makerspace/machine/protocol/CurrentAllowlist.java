package org.makerspace.machine.protocol;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@value #EVENT} event of the stream: which signed allowlist is current, sent when the stream opens and
 * whenever the server signs a fresher one. A controller whose document has another {@code etag} fetches it
 * ({@code If-None-Match} makes that cheap).
 *
 * @param etag    the document's strong entity tag, quoted, exactly as the {@code ETag} header gives it
 * @param entries how many cards it lists
 */
public record CurrentAllowlist(String machineId, long version, String etag, Instant issuedAt, Instant expiresAt,
                               int entries) {

    /** The SSE event name. */
    public static final String EVENT = "allowlist";

    public CurrentAllowlist {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machineId", machineId);
        json.put("version", version);
        json.put("etag", etag);
        json.put("issuedAt", issuedAt.toString());
        json.put("expiresAt", expiresAt.toString());
        json.put("entries", entries);
        return Json.write(json);
    }

    public static CurrentAllowlist fromJson(String event) {
        Map<String, Object> json = Json.parse(event);
        return new CurrentAllowlist(Json.string(json, "machineId"), Json.number(json, "version"),
                                    Json.string(json, "etag"), Json.instant(json, "issuedAt"),
                                    Json.instant(json, "expiresAt"), Json.smallNumber(json, "entries"));
    }
}
