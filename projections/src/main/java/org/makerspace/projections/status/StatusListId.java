package org.makerspace.projections.status;

import java.net.URI;
import java.util.Objects;
import org.makerspace.ledger.lab.api.LabId;

/**
 * Names one status list: a lab's list for one purpose. Its key ({@code labId/purpose}) is the stored document's
 * {@code _id} and the tail of the list's public URL, {@code <base>/status-lists/<labId>/<purpose>}; lab ids are
 * restricted to URL-safe characters, so neither needs escaping.
 */
public record StatusListId(LabId labId, StatusPurpose purpose) {

    /** The path under the public base URL where the signed list is served. */
    public static final String PATH = "/status-lists/";

    public StatusListId {
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(purpose, "purpose");
    }

    public String key() {
        return labId.value() + "/" + purpose.value();
    }

    /**
     * The URL of the list credential under {@code publicBaseUrl}, an absolute http(s) URL without query or fragment
     * (a trailing slash is ignored).
     */
    public String url(URI publicBaseUrl) {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        String scheme = publicBaseUrl.getScheme();
        if (!publicBaseUrl.isAbsolute() || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                || publicBaseUrl.getRawQuery() != null || publicBaseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("the public base URL must be an absolute http(s) URL without query or "
                                                       + "fragment, but was '" + publicBaseUrl + "'");
        }
        String base = publicBaseUrl.toString().replaceAll("/+$", "");
        return base + PATH + key();
    }
}
