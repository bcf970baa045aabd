package org.makerspace.ledger.achievement.api;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A badge image a lab uploaded, hosted by this installation under the SHA-256 of its bytes, so a path never shows
 * other bytes than it did and whatever names it may be cached for good. Versions of an achievement name it by its
 * path ({@link #path()}), relative on purpose: the ledger does not know where the installation is published, and the
 * web layer resolves the path against the public base URL exactly as it does for the default images.
 */
public record HostedImage(String sha256, Format format) {

    /** Where hosted images live, under the public base URL. */
    public static final String PATH = "/ob3/images/";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FILE_NAME = Pattern.compile("([0-9a-f]{64})\\.(png|svg)");

    /** The two formats a badge image may be uploaded in: those both baking specifications know. */
    public enum Format {
        PNG("png", "image/png"),
        SVG("svg", "image/svg+xml");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    public HostedImage {
        Objects.requireNonNull(format, "format");
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hexadecimal digits, but was '" + sha256 + "'");
        }
    }

    /** The path credentials and badge classes name, such as {@code /ob3/images/3a7b….png}. */
    public String path() {
        return PATH + fileName();
    }

    /** The last segment of the path: the digest and the format's extension. */
    public String fileName() {
        return sha256 + "." + format.extension();
    }

    /** The hosted image a path names; empty for an absolute URL, or any text that is not exactly such a path. */
    public static Optional<HostedImage> fromUrl(String imageUrl) {
        if (imageUrl == null || !imageUrl.startsWith(PATH)) {
            return Optional.empty();
        }
        return fromFileName(imageUrl.substring(PATH.length()));
    }

    /** The hosted image of a file name such as {@code 3a7b….svg}; empty for anything else. */
    public static Optional<HostedImage> fromFileName(String fileName) {
        Matcher matcher = FILE_NAME.matcher(fileName == null ? "" : fileName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Format format = Format.valueOf(matcher.group(2).toUpperCase(Locale.ROOT));
        return Optional.of(new HostedImage(matcher.group(1), format));
    }
}
