package org.makerspace.projections.passport;

import java.time.Duration;
import java.time.Instant;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.projections.certification.CertificationTerm;

/**
 * A machine certification in the passport. Its validity ({@code expiry}, {@code grantedAt}, {@code lastUsedAt}: the
 * grant or the latest session started on a machine it covers, {@code validUntil}: absent, never expires) changes only
 * through {@link CertificationTerm}, the rule machine access, award decisions and credentials apply too.
 */
public record CertificationEntry(CertificationId certificationId, LabId labId, CertificationScope scope,
                                 CertificationLevel level, ExpiryRule expiry, TrainerId trainerId, Instant grantedAt,
                                 Instant lastUsedAt, Instant validUntil, StatusChange suspension,
                                 StatusChange revocation) {

    /** A certification ending within this window of the asked time is reported as expiring soon. */
    public static final Duration EXPIRING_SOON_WINDOW = Duration.ofDays(30);

    static CertificationEntry of(MachineCertificationGranted event) {
        CertificationTerm term = CertificationTerm.of(event);
        return new CertificationEntry(event.certificationId(), event.labId(), event.scope(), event.level(), event.expiry(),
                                      event.trainerId(), event.grantedAt(), event.grantedAt(), term.validUntil(), null,
                                      null);
    }

    CertificationTerm term() {
        return new CertificationTerm(expiry, grantedAt, lastUsedAt, validUntil);
    }

    /** Revocation is final; a suspension shows until reinstated; otherwise validity decides. */
    public CertificationStatus statusAt(Instant now) {
        switch (term().standingAt(now, suspension != null, revocation != null)) {
            case REVOKED:
                return CertificationStatus.REVOKED;
            case SUSPENDED:
                return CertificationStatus.SUSPENDED;
            case EXPIRED:
                return CertificationStatus.EXPIRED;
            default:
                return validUntil == null || validUntil.isAfter(now.plus(EXPIRING_SOON_WINDOW))
                        ? CertificationStatus.VALID
                        : CertificationStatus.EXPIRING_SOON;
        }
    }

    /** Whether a session on this machine of this lab is a use of it. */
    boolean coveredBy(LabId machineLab, MachineId machine, MachineType machineType) {
        return CertificationTerm.covers(labId, scope, machineLab, machine, machineType);
    }

    /** A session started at {@code at} on a machine it covers (see {@link CertificationTerm#usedAt}). */
    CertificationEntry usedAt(Instant at) {
        CertificationTerm used = term().usedAt(at);
        return new CertificationEntry(certificationId, labId, scope, level, expiry, trainerId, grantedAt,
                                      used.lastUsedAt() == null ? grantedAt : used.lastUsedAt(), used.validUntil(),
                                      suspension, revocation);
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
