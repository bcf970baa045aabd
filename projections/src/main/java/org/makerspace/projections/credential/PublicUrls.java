package org.makerspace.projections.credential;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.LabId;

/**
 * The public URLs that credentials name, all under one configured base URL: the issuer profile of a lab, an
 * achievement, and a lab's verification methods (signing keys). The web layer must serve these paths; keeping them
 * in one place keeps the signed ids and the served pages in step.
 */
public record PublicUrls(URI base) {

    public PublicUrls {
        Objects.requireNonNull(base, "base");
        if (!base.isAbsolute() || base.getHost() == null) {
            throw new IllegalArgumentException("the public base URL must be absolute with a host, but was " + base);
        }
        String text = base.toString();
        if (text.endsWith("/")) {
            base = URI.create(text.substring(0, text.length() - 1));
        }
    }

    public static PublicUrls of(String base) {
        return new PublicUrls(URI.create(base));
    }

    /** The id of a lab's issuer profile. */
    public String issuer(LabId lab) {
        return base + "/ob3/issuers/" + segment(lab.value());
    }

    /** The id of an achievement; stable across its revisions. */
    public String achievement(AchievementId achievement) {
        return base + "/ob3/achievements/" + segment(achievement.value());
    }

    /** The id of the verification method (the Multikey document) of one of a lab's keys. */
    public String verificationMethod(LabId lab, String keyId) {
        return issuer(lab) + "/keys/" + segment(keyId);
    }

    /** Resolves a URL that may be relative (such as an image path) against the base URL. */
    public String resolve(String url) {
        URI uri = URI.create(url);
        return uri.isAbsolute() ? uri.toString() : URI.create(base + "/").resolve(uri).toString();
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so an id is always one path segment. */
    static String segment(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
