package org.makerspace.api.baking;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What is baked into a badge image, in the two slots both baking specifications use: {@code verify}, a compact JWS
 * (or, for 2.0, a hosted assertion's URL), and {@code json}, the credential or assertion itself.
 *
 * <p>A 3.0 payload fills exactly one slot. A 2.0 payload fills at least one; a hosted assertion may fill both, its
 * URL and its JSON, which an SVG keeps both of and a PNG keeps only the JSON of (a PNG chunk holds one text).
 */
public record BadgePayload(OpenBadgesVersion version, String verify, String json) {

    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    public BadgePayload {
        Objects.requireNonNull(version, "version");
        verify = blankToNull(verify);
        json = blankToNull(json);
        if (verify == null && json == null) {
            throw new IllegalArgumentException("a baked badge carries a compact JWS, a URL or JSON, but this one is empty");
        }
        if (json != null && !json.startsWith("{")) {
            throw new IllegalArgumentException("the baked JSON must be a JSON object");
        }
        if (version == OpenBadgesVersion.V3_0) {
            if (verify != null && json != null) {
                throw new IllegalArgumentException("an Open Badges 3.0 credential is baked as a compact JWS or as "
                                                           + "JSON, not both");
            }
            if (verify != null && !COMPACT_JWS.matcher(verify).matches()) {
                throw new IllegalArgumentException("an Open Badges 3.0 credential outside JSON must be a compact JWS "
                                                           + "(header.payload.signature)");
            }
        }
    }

    /** An OpenBadgeCredential signed as a VC-JWT. */
    public static BadgePayload ob3Jwt(String compactJws) {
        return new BadgePayload(OpenBadgesVersion.V3_0, compactJws, null);
    }

    /** An OpenBadgeCredential as JSON, with its embedded proof. */
    public static BadgePayload ob3Json(String credentialJson) {
        return new BadgePayload(OpenBadgesVersion.V3_0, null, credentialJson);
    }

    /** An Open Badges 2.0 assertion: its signed JWS, or the URL where it is hosted. */
    public static BadgePayload ob2Verify(String signatureOrUrl) {
        return new BadgePayload(OpenBadgesVersion.V2_0, signatureOrUrl, null);
    }

    /** A hosted Open Badges 2.0 assertion: its URL and its JSON. */
    public static BadgePayload ob2Hosted(String assertionUrl, String assertionJson) {
        return new BadgePayload(OpenBadgesVersion.V2_0, assertionUrl, assertionJson);
    }

    /** The one text a PNG chunk holds: the JSON when there is some, else {@code verify}. */
    public String pngText() {
        return json != null ? json : verify;
    }

    /** The payload a PNG chunk's text stands for: JSON when it is an object, otherwise {@code verify}. */
    static BadgePayload fromPngText(OpenBadgesVersion version, String text) {
        String trimmed = text.strip();
        return trimmed.startsWith("{") ? new BadgePayload(version, null, trimmed)
                : new BadgePayload(version, trimmed, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
