package org.makerspace.api.openbadges.publish;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a GET of a public document: its bytes with a strong ETag (the base64url SHA-256 of exactly those
 * bytes, so equal bytes give equal tags on every node and after every replay), a {@code Cache-Control}, and 304 Not
 * Modified with no body when {@code If-None-Match} names the tag (or is {@code *}).
 */
final class PublicDocument {

    /** Documents that never change once made: a credential, a baked image, a key, a versioned image. */
    static final CacheControl FIXED = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
    /**
     * Documents whose URL names the digest of their bytes (uploaded images): the same URL can never answer other
     * bytes, so caches keep them a year and need not even revalidate.
     */
    static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    /** Documents that follow the latest state of something: a lab's profile, an achievement's latest version. */
    static final CacheControl CURRENT = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
    /** Documents that tell a revocation: kept by caches, but asked again (cheaply, with the ETag) before each use. */
    static final CacheControl STATUS = CacheControl.noCache().cachePublic();
    /**
     * Documents that carry a person's name, who may withdraw it or be erased at any moment: kept by no cache, so that
     * the next request after a withdrawal gets the 404.
     */
    static final CacheControl PERSONAL = CacheControl.noStore();

    static final MediaType VC_LD_JSON = MediaType.parseMediaType("application/vc+ld+json");
    static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");
    static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");
    static final MediaType JWK_JSON = MediaType.parseMediaType("application/jwk+json");
    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    /**
     * The policy of every SVG we serve, which may now hold a lab's drawing: opened directly, as a document of our
     * origin, it may load nothing and run nothing (sandbox), only style itself. Inside an {@code <img>} a browser
     * applies as much anyway.
     */
    static final String SVG_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private PublicDocument() {
    }

    static ResponseEntity<byte[]> of(HttpServletRequest request, String body, MediaType type, CacheControl cache) {
        return of(request, body.getBytes(StandardCharsets.UTF_8), type, cache);
    }

    static ResponseEntity<byte[]> of(HttpServletRequest request, byte[] body, MediaType type, CacheControl cache) {
        String etag = etagOf(body);
        if (notModified(request, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(type).eTag(etag).cacheControl(cache)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                // Said here as well as by the security filters: a body must never be read as another type than ours.
                .header("X-Content-Type-Options", "nosniff");
        if (SVG.equalsTypeAndSubtype(type)) {
            answer.header("Content-Security-Policy", SVG_CONTENT_SECURITY_POLICY);
        }
        return answer.body(body);
    }

    /** The strong entity tag of the bytes, quoted. */
    static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** If-None-Match compares weakly (RFC 9110 13.1.2): a {@code W/} prefix on the client's tag is ignored. */
    private static boolean notModified(HttpServletRequest request, String etag) {
        for (String header : Collections.list(request.getHeaders(HttpHeaders.IF_NONE_MATCH))) {
            for (String tag : header.split(",")) {
                String candidate = tag.strip();
                if (candidate.startsWith("W/")) {
                    candidate = candidate.substring(2);
                }
                if (candidate.equals("*") || candidate.equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Which of {@code offered} the request's {@code Accept} prefers: the highest quality, the earlier offer on a tie;
     * the first offer when the request accepts none of them (or sends no Accept), rather than 406.
     */
    static MediaType preferred(HttpServletRequest request, MediaType... offered) {
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        } catch (IllegalArgumentException e) {
            return offered[0];
        }
        MediaType best = offered[0];
        double bestQuality = 0;
        for (MediaType offer : offered) {
            double quality = 0;
            for (MediaType range : accepted) {
                if (range.includes(offer) && range.getQualityValue() > quality) {
                    quality = range.getQualityValue();
                }
            }
            if (quality > bestQuality) {
                best = offer;
                bestQuality = quality;
            }
        }
        return best;
    }
}
