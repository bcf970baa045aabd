package org.makerspace.api.openbadges.verify;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.makerspace.api.baking.BadgeBaking;
import org.makerspace.api.baking.BadgeImageException;
import org.makerspace.api.baking.BadgePayload;
import org.makerspace.api.baking.NotBakedException;
import org.makerspace.api.baking.OpenBadgesVersion;
import org.springframework.http.MediaType;

/**
 * Takes a presented credential out of a request body, within the size limit of its kind: JSON-LD
 * ({@code application/json}, {@code application/ld+json}, {@code application/vc+ld+json}), a compact VC-JWT
 * ({@code text/plain}, {@code application/jwt}, {@code application/vc+jwt}) or a baked badge ({@code image/png},
 * {@code image/svg+xml}). A body announced larger than the limit is refused unread; any other is read up to one byte
 * past the limit at most, so no client can make this server hold more than the limit in memory.
 */
public final class CredentialIntake {

    public static final String VC_LD_JSON = "application/vc+ld+json";
    public static final String LD_JSON = "application/ld+json";
    public static final String VC_JWT = "application/vc+jwt";
    public static final String JWT = "application/jwt";
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";

    private static final Set<String> JSON_TYPES = Set.of(MediaType.APPLICATION_JSON_VALUE, LD_JSON, VC_LD_JSON);
    private static final Set<String> IMAGE_TYPES = Set.of(PNG, SVG);

    private final long maxJsonBytes;
    private final long maxImageBytes;

    CredentialIntake(VerifyProperties properties) {
        this.maxJsonBytes = properties.maxJsonSize().toBytes();
        this.maxImageBytes = properties.maxImageSize().toBytes();
    }

    /** The credential in the request's body. */
    public PresentedCredential read(HttpServletRequest request) throws IOException {
        MediaType type = MediaType.parseMediaType(request.getContentType());
        String essence = type.getType() + "/" + type.getSubtype();
        boolean image = IMAGE_TYPES.contains(essence);
        byte[] body = bounded(request, image ? maxImageBytes : maxJsonBytes,
                              image ? "a baked badge image" : "a credential as JSON-LD or JWT");
        if (image) {
            return fromImage(body, essence.equals(PNG) ? "png" : "svg");
        }
        String text = new String(body, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        return JSON_TYPES.contains(essence) ? PresentedCredential.jsonLd(text, "json")
                : PresentedCredential.jwt(text, "jwt");
    }

    private static byte[] bounded(HttpServletRequest request, long limit, String what) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw VerifyProblem.tooLarge(what, limit);
        }
        // Left open: the container drains or drops what a refused client still sends.
        InputStream in = request.getInputStream();
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            throw VerifyProblem.tooLarge(what, limit);
        }
        if (body.length == 0) {
            throw VerifyProblem.emptyBody();
        }
        return body;
    }

    private static PresentedCredential fromImage(byte[] image, String source) {
        BadgePayload payload;
        try {
            payload = BadgeBaking.extract(image);
        } catch (NotBakedException e) {
            throw VerifyProblem.notBaked(e.getMessage());
        } catch (BadgeImageException e) {
            throw VerifyProblem.invalidImage(e.getMessage());
        }
        if (payload.version() != OpenBadgesVersion.V3_0) {
            throw VerifyProblem.notBaked("the image carries an Open Badges 2.0 assertion, not a 3.0 credential");
        }
        return payload.json() != null ? PresentedCredential.jsonLd(payload.json(), source)
                : PresentedCredential.jwt(payload.verify(), source);
    }
}
