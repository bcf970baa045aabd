package org.makerspace.api.baking;

/** A well-formed image that carries no Open Badges data. */
public class NotBakedException extends BadgeImageException {

    public NotBakedException(String message) {
        super(message);
    }
}
