package org.makerspace.projections.issuance;

import java.time.Instant;
import java.util.Objects;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.ob3.IssuerProfile;

/**
 * A lab as an issuer: the public profile it registered with ({@code registeredAt} is when the ledger recorded the
 * registration, when its first signing key starts). Kept here rather than read from the catalog, which runs in
 * another processing group and may not have seen the lab yet when an award is made.
 */
public record IssuerLab(LabId labId, String name, String publicUrl, String contactEmail, Instant registeredAt) {

    public IssuerLab {
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    static IssuerLab of(LabRegistered event, Instant recordedAt) {
        return new IssuerLab(event.labId(), event.name(), event.publicUrl(), event.contactEmail(), recordedAt);
    }

    String id() {
        return labId.value();
    }

    /** The issuer profile credentials embed and the web layer serves at its id. */
    public IssuerProfile profile(PublicUrls urls) {
        return new IssuerProfile(urls.issuer(labId), name, publicUrl, contactEmail);
    }
}
