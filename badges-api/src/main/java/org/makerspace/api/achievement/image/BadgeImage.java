package org.makerspace.api.achievement.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.makerspace.ledger.achievement.api.HostedImage;

/**
 * An uploaded badge image that passed the checks: the bytes exactly as the lab sent them (served as they are, so
 * their digest is their id), and for a PNG its size in pixels; an SVG, being vector, has none (0 by 0). The array is
 * shared, not copied, to keep an upload in memory once: nobody may change it.
 */
public record BadgeImage(HostedImage id, byte[] bytes, int width, int height) {

    public BadgeImage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bytes, "bytes");
        if (!id.sha256().equals(sha256(bytes))) {
            throw new IllegalArgumentException("image " + id.sha256() + " holds other bytes than its id says");
        }
    }

    /** The image of these bytes, under the SHA-256 of exactly these bytes. */
    static BadgeImage of(HostedImage.Format format, byte[] bytes, int width, int height) {
        return new BadgeImage(new HostedImage(sha256(bytes), format), bytes, width, height);
    }

    public HostedImage.Format format() {
        return id.format();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
