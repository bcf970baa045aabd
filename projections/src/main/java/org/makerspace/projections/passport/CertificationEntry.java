package org.makerspace.projections.passport;

import java.time.Duration;
import java.time.Instant;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MachineCertificationGranted;

/**
 * A machine certification in the passport. {@code validUntil} (absent: never expires) follows from the expiry rule
 * and the last use; no event records a use yet, so the last use is the grant.
 */
public record CertificationEntry(CertificationId certificationId, LabId labId, CertificationScope scope,
                                 CertificationLevel level, ExpiryRule expiry, TrainerId trainerId, Instant grantedAt,
                                 Instant lastUsedAt, Instant validUntil, StatusChange suspension,
                                 StatusChange revocation) {

    /** A certification ending within this window of the asked time is reported as expiring soon. */
    public static final Duration EXPIRING_SOON_WINDOW = Duration.ofDays(30);

    static CertificationEntry of(MachineCertificationGranted event) {
        Instant validUntil = event.expiry().validUntil(event.grantedAt(), event.grantedAt()).orElse(null);
        return new CertificationEntry(event.certificationId(), event.labId(), event.scope(), event.level(), event.expiry(),
                                      event.trainerId(), event.grantedAt(), event.grantedAt(), validUntil, null, null);
    }

    /** Revocation is final; a suspension shows until reinstated; otherwise validity decides. */
    public CertificationStatus statusAt(Instant now) {
        if (revocation != null) {
            return CertificationStatus.REVOKED;
        }
        if (suspension != null) {
            return CertificationStatus.SUSPENDED;
        }
        if (validUntil == null) {
            return CertificationStatus.VALID;
        }
        if (!now.isBefore(validUntil)) {
            return CertificationStatus.EXPIRED;
        }
        return validUntil.isAfter(now.plus(EXPIRING_SOON_WINDOW)) ? CertificationStatus.VALID : CertificationStatus.EXPIRING_SOON;
    }

    CertificationEntry suspended(String reason, Instant at) {
        if (revocation != null) {
            return this;
        }
        return new CertificationEntry(certificationId, labId, scope, level, expiry, trainerId, grantedAt, lastUsedAt,
                                      validUntil, new StatusChange(reason, at), null);
    }

    CertificationEntry reinstated() {
        if (revocation != null) {
            return this;
        }
        return new CertificationEntry(certificationId, labId, scope, level, expiry, trainerId, grantedAt, lastUsedAt,
                                      validUntil, null, null);
    }

    CertificationEntry revoked(String reason, Instant at) {
        return new CertificationEntry(certificationId, labId, scope, level, expiry, trainerId, grantedAt, lastUsedAt,
                                      validUntil, null, new StatusChange(reason, at));
    }
}
