package org.makerspace.api.baking;

/**
 * Bakes into and extracts from a badge image of either format, told apart by its first bytes: the PNG signature,
 * or XML (then it must be an SVG).
 */
public final class BadgeBaking {

    /** The largest image accepted, baked or not: 5 MiB. */
    public static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;

    private BadgeBaking() {
    }

    /** The image formats a badge can be baked into. */
    public enum ImageFormat {
        PNG("image/png"),
        SVG("image/svg+xml");

        private final String mediaType;

        ImageFormat(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /** @throws BadgeImageException when the bytes are neither a PNG nor XML */
    public static ImageFormat formatOf(byte[] image) {
        if (PngBaking.isPng(image)) {
            return ImageFormat.PNG;
        }
        if (SvgBaking.looksLikeSvg(image)) {
            return ImageFormat.SVG;
        }
        throw new BadgeImageException("neither a PNG nor an SVG image: badges are baked only into these two formats");
    }

    /** The image, of the same format, with the payload baked in. */
    public static byte[] bake(byte[] image, BadgePayload payload) {
        checkSize(image);
        return formatOf(image) == ImageFormat.PNG ? PngBaking.bake(image, payload) : SvgBaking.bake(image, payload);
    }

    /**
     * The payload baked in the image.
     *
     * @throws NotBakedException when the image carries none
     */
    public static BadgePayload extract(byte[] image) {
        checkSize(image);
        return formatOf(image) == ImageFormat.PNG ? PngBaking.extract(image) : SvgBaking.extract(image);
    }

    static void checkSize(byte[] image) {
        if (image == null || image.length == 0) {
            throw new BadgeImageException("the image is empty");
        }
        if (image.length > MAX_IMAGE_BYTES) {
            throw new BadgeImageException("the image is " + image.length + " bytes; badge images may be at most "
                                                  + MAX_IMAGE_BYTES + " bytes (5 MiB)");
        }
    }

    static byte[] checkBakedSize(byte[] baked) {
        if (baked.length > MAX_IMAGE_BYTES) {
            throw new BadgeImageException("the baked image would be " + baked.length + " bytes, over the "
                                                  + MAX_IMAGE_BYTES + " bytes (5 MiB) a badge image may have");
        }
        return baked;
    }
}
