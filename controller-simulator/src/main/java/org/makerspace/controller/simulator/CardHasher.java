package org.makerspace.controller.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A card's hash as the protocol defines it: lowercase hex of HMAC-SHA256 under the lab's card key of the UID
 * normalised to its hex digits, lowercase, without separators. The UID never leaves the controller; the server and
 * the allowlist know the card by {@link #FINGERPRINT_PREFIX} and this hash only.
 */
public final class CardHasher {

    /** What the allowlist and the stream put before a card's hash. */
    public static final String FINGERPRINT_PREFIX = "cf2_";

    private final SecretKeySpec cardKey;

    public CardHasher(byte[] cardKey) {
        if (cardKey == null || cardKey.length == 0) {
            throw new IllegalArgumentException("the lab's card key is required");
        }
        this.cardKey = new SecretKeySpec(cardKey, "HmacSHA256");
    }

    /** The UID as the server normalises it: separators (':', '-', spaces) dropped, lowercase, 4 to 32 bytes of hex. */
    public static String normalise(String uid) {
        String hex = uid == null ? "" : uid.replaceAll("[\\s:-]", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{8,64}")) {
            throw new IllegalArgumentException("a card UID is 4 to 32 bytes in hexadecimal (separators ':' '-' allowed)");
        }
        return hex;
    }

    /** The card's hash, 64 lowercase hex digits: what the controller sends as {@code cardHash}. */
    public String hash(String uid) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(cardKey);
            return HexFormat.of().formatHex(mac.doFinal(normalise(uid).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The card's fingerprint, as allowlist entries and stream events name it. */
    public String fingerprint(String uid) {
        return FINGERPRINT_PREFIX + hash(uid);
    }
}
