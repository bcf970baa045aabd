package org.makerspace.projections.credential.ob3;

import java.util.Objects;
import org.makerspace.projections.catalog.LabView;
import org.makerspace.projections.credential.PublicUrls;

/** The issuer Profile a credential embeds: a lab, named by its profile URL; {@code url} and {@code email} optional. */
public record IssuerProfile(String id, String name, String url, String email) {

    public IssuerProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        url = blankToNull(url);
        email = blankToNull(email);
    }

    public static IssuerProfile of(LabView lab, PublicUrls urls) {
        return new IssuerProfile(urls.issuer(lab.labId()), lab.name(), lab.publicUrl(), lab.contactEmail());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
