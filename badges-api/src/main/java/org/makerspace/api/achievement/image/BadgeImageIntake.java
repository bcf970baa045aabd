package org.makerspace.api.achievement.image;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.makerspace.ledger.achievement.api.HostedImage;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Takes an uploaded badge image out of a request body and checks it, within the size limit of its format. A body
 * announced larger than the limit is refused unread; any other is read up to one byte past the limit at most, so no
 * client can make this server hold more than the limit in memory. The format is the one the {@code Content-Type}
 * names, and the bytes must be an image of that format: nothing is guessed from the content.
 */
@Component
public class BadgeImageIntake {

    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";

    private final BadgeImageProperties limits;

    BadgeImageIntake(BadgeImageProperties limits) {
        this.limits = limits;
    }

    /**
     * The checked image in the request's body.
     *
     * @throws ImageRefused when it is too large, empty, of another media type, or not an image we accept
     */
    public BadgeImage read(HttpServletRequest request) throws IOException {
        HostedImage.Format format = formatOf(request.getContentType());
        if (format == HostedImage.Format.PNG) {
            return PngCheck.check(bounded(request, limits.maxPngSize().toBytes(), "a PNG badge image"), limits);
        }
        return SvgCheck.check(bounded(request, limits.maxSvgSize().toBytes(), "an SVG badge image"));
    }

    private static HostedImage.Format formatOf(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            String essence = type.getType() + "/" + type.getSubtype();
            if (essence.equals(PNG)) {
                return HostedImage.Format.PNG;
            }
            if (essence.equals(SVG)) {
                return HostedImage.Format.SVG;
            }
        } catch (InvalidMediaTypeException e) {
            // Refused below, like any other type.
        }
        throw ImageRefused.unsupported(String.valueOf(contentType));
    }

    private static byte[] bounded(HttpServletRequest request, long limit, String what) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw ImageRefused.tooLarge(what, limit);
        }
        // Left open: the container drains or drops what a refused client still sends.
        InputStream in = request.getInputStream();
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            throw ImageRefused.tooLarge(what, limit);
        }
        if (body.length == 0) {
            throw ImageRefused.empty();
        }
        return body;
    }
}
