package org.makerspace.projections.credential;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.HostedImage;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.projections.status.StatusListId;

/**
 * The public URLs that credentials name, all under one configured base URL: the issuer profile of a lab, an
 * achievement, its default images and the images labs uploaded, a lab's verification methods (signing keys), an award's credential in both
 * proof formats and baked into images, its public verification page, the status lists, and the Open Badges 2.0
 * documents for older backpacks. The web layer must serve exactly these paths; keeping them in one place keeps the
 * signed ids and the served pages in step.
 */
public record PublicUrls(URI base) {

    /** The formats of a badge image. */
    public enum Image {
        PNG("png"), SVG("svg");

        private final String extension;

        Image(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

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

    /**
     * The default image of one version of an achievement, which a credential of that version names when the lab
     * gave no image: versioned, because it shows the achievement's name as it was then.
     */
    public String achievementImage(AchievementId achievement, int version, Image format) {
        return achievement(achievement) + "/versions/" + version + "/image." + format.extension();
    }

    /**
     * An image a lab uploaded, under the SHA-256 of its bytes: not versioned, since the same path always shows the
     * same bytes. Versions of an achievement name it by its path, which this resolves like any relative image URL.
     */
    public String hostedImage(HostedImage image) {
        return resolve(image.path());
    }

    /** The same key as {@link #verificationMethod} as a public JWK, for VC-JWT consumers. */
    public String publicJwk(LabId lab, String keyId) {
        return verificationMethod(lab, keyId) + "/jwk";
    }

    /** Where an award's credential is published as JSON-LD with its Data Integrity proof. */
    public String credential(String awardId) {
        return base + "/ob3/credentials/" + segment(awardId);
    }

    /** Where an award's credential is published as a VC-JWT. */
    public String credentialJwt(String awardId) {
        return credential(awardId) + "/jwt";
    }

    /** The award's badge image with its VC-JWT baked in. */
    public String bakedBadge(String awardId, Image format) {
        return credential(awardId) + "/badge." + format.extension();
    }

    /**
     * Where the learner's named copy of an award's credential is published while they choose to show their name; also
     * the copy's id, since a {@code urn:uuid:} id takes no suffix and the copy needs an id of its own.
     */
    public String namedCredential(String awardId) {
        return credential(awardId) + "/named";
    }

    /** Where the named copy is published as a VC-JWT. */
    public String namedCredentialJwt(String awardId) {
        return namedCredential(awardId) + "/jwt";
    }

    /** The award's badge image with the named copy's VC-JWT baked in. */
    public String namedBakedBadge(String awardId, Image format) {
        return namedCredential(awardId) + "/badge." + format.extension();
    }

    /**
     * The award's public verification page, the human-readable face of its credential: the URL a learner shares, a
     * QR code encodes and a LinkedIn certification links to.
     */
    public String credentialPage(String awardId) {
        return base + "/badges/" + segment(awardId);
    }

    /** The status list credential of a lab and purpose; the status package owns the shape of this path. */
    public String statusList(StatusListId list) {
        return list.url(base);
    }

    /** The Open Badges 2.0 Issuer (Profile) of a lab. */
    public String ob2Issuer(LabId lab) {
        return base + "/ob2/issuers/" + segment(lab.value());
    }

    /** The Open Badges 2.0 BadgeClass of one version of an achievement. */
    public String ob2BadgeClass(AchievementId achievement, int version) {
        return base + "/ob2/badges/" + segment(achievement.value()) + "/versions/" + version;
    }

    /** The hosted Open Badges 2.0 Assertion of an award. */
    public String ob2Assertion(String awardId) {
        return base + "/ob2/assertions/" + segment(awardId);
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
