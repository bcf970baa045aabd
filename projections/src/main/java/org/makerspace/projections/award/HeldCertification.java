package org.makerspace.projections.award;

import java.time.Instant;
import java.util.Objects;
import org.makerspace.ledger.member.api.CertificationId;

/**
 * A certification named in an award's evidence, with the end of validity the award rules gave it (from its expiry
 * rule and grant time; an inactivity rule counts the grant as the last use), or null when it never expires.
 */
public record HeldCertification(CertificationId certificationId, Instant validUntil) {

    public HeldCertification {
        Objects.requireNonNull(certificationId, "certificationId");
    }
}
