package org.makerspace.api.baking;

/** An image that cannot be baked or read: not a PNG or SVG, too large, or malformed. The message says which. */
public class BadgeImageException extends RuntimeException {

    public BadgeImageException(String message) {
        super(message);
    }

    public BadgeImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
