package org.makerspace.projections.access;

import java.time.Instant;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MachineCertificationGranted;

/**
 * A certification as access control needs it. {@code validUntil} (absent: never) follows from the expiry rule, the
 * grant time and the last use under it ({@code lastUsedAt}, null: none since the grant, which counts as one), so
 * that "expires after N months without use" moves on with every session started on a machine it covers.
 */
public record CertificationGrant(CertificationId certificationId, LabId labId, CertificationScope scope, CertificationLevel level,
                          ExpiryRule expiry, Instant grantedAt, Instant validUntil, boolean suspended, boolean revoked,
                          Instant lastUsedAt)
        implements AccessBasis {

    /** How a certification stands at a moment, from best to worst. */
    public enum Standing {
        VALID, SUSPENDED, EXPIRED, REVOKED
    }

    static CertificationGrant of(MachineCertificationGranted event) {
        Instant validUntil = event.expiry().validUntil(event.grantedAt(), event.grantedAt()).orElse(null);
        return new CertificationGrant(event.certificationId(), event.labId(), event.scope(), event.level(), event.expiry(),
                                      event.grantedAt(), validUntil, false, false, null);
    }

    boolean covers(MachineState machine) {
        return labId.equals(machine.labId()) && scope.covers(machine.machineId(), machine.machineType());
    }

    @Override
    public Standing standingAt(Instant now) {
        if (revoked) {
            return Standing.REVOKED;
        }
        if (suspended) {
            return Standing.SUSPENDED;
        }
        if (validUntil != null && !now.isBefore(validUntil)) {
            return Standing.EXPIRED;
        }
        return Standing.VALID;
    }

    @Override
    public String tieBreaker() {
        return "1|" + certificationId.value();
    }

    CertificationGrant withSuspended(boolean suspension) {
        if (revoked) {
            return this;
        }
        return new CertificationGrant(certificationId, labId, scope, level, expiry, grantedAt, validUntil, suspension,
                                      false, lastUsedAt);
    }

    CertificationGrant revoke() {
        return new CertificationGrant(certificationId, labId, scope, level, expiry, grantedAt, validUntil, false, true,
                                      lastUsedAt);
    }

    /**
     * A session started at {@code at} on a machine it covers. A use reported after the certification had expired
     * (an offline controller catching up) does not bring it back: the rule is evaluated as of the use.
     */
    CertificationGrant usedAt(Instant at) {
        if (lastUsedAt != null && !at.isAfter(lastUsedAt) || at.isBefore(grantedAt)) {
            return this;
        }
        if (validUntil != null && !at.isBefore(validUntil)) {
            return this;
        }
        Instant extended = expiry.validUntil(grantedAt, at).orElse(null);
        return new CertificationGrant(certificationId, labId, scope, level, expiry, grantedAt, extended, suspended,
                                      revoked, at);
    }
}
