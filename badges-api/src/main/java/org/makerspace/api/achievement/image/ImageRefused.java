package org.makerspace.api.achievement.image;

import java.util.Locale;
import org.makerspace.api.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * An uploaded badge image refused before anything was stored: too large, empty, or not an image we accept. Spring
 * MVC's {@link ErrorResponseException}, so the application's problem handler answers it as problem+json like every
 * other problem; the detail says what to change.
 */
public final class ImageRefused extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    private ImageRefused(HttpStatus status, String code, String detail) {
        super(status, Problems.problem(status, code, detail, null), null);
    }

    /** 400: the bytes are not an image we accept, and the detail says why. */
    static ImageRefused invalid(String detail) {
        return new ImageRefused(HttpStatus.BAD_REQUEST, "invalid-image", detail);
    }

    static ImageRefused empty() {
        return new ImageRefused(HttpStatus.BAD_REQUEST, "missing-image", "the request body is empty: send the image");
    }

    /** 413: the body passed the limit of its format; it was not read further. */
    static ImageRefused tooLarge(String what, long limit) {
        return new ImageRefused(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                                what + " may have at most " + limit + " bytes (" + human(limit) + ")");
    }

    /** 415: a media type the upload does not take, when the request mapping let it through. */
    static ImageRefused unsupported(String type) {
        return new ImageRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                                "a badge image is uploaded as image/png or image/svg+xml, not " + type);
    }

    private static String human(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : String.format(Locale.ROOT, "%d bytes", bytes);
    }
}
