package org.makerspace.projections.access;

import java.time.Instant;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.projections.certification.CertificationStanding;
import org.makerspace.projections.certification.CertificationTerm;

/**
 * A certification as access control needs it. Its validity ({@code expiry}, {@code grantedAt}, {@code lastUsedAt},
 * {@code validUntil}) changes only through {@link CertificationTerm}, the rule the passport, the award decisions and
 * the credentials apply too, so that "expires after N months without use" moves on with every session started on a
 * machine it covers in all of them alike.
 */
public record CertificationGrant(CertificationId certificationId, LabId labId, CertificationScope scope, CertificationLevel level,
                          ExpiryRule expiry, Instant grantedAt, Instant validUntil, boolean suspended, boolean revoked,
                          Instant lastUsedAt)
        implements AccessBasis {

    static CertificationGrant of(MachineCertificationGranted event) {
        return new CertificationGrant(event.certificationId(), event.labId(), event.scope(), event.level(), event.expiry(),
                                      event.grantedAt(), null, false, false, null).withTerm(CertificationTerm.of(event));
    }

    boolean covers(MachineState machine) {
        return CertificationTerm.covers(labId, scope, machine.labId(), machine.machineId(), machine.machineType());
    }

    CertificationTerm term() {
        return new CertificationTerm(expiry, grantedAt, lastUsedAt, validUntil);
    }

    @Override
    public CertificationStanding standingAt(Instant now) {
        return term().standingAt(now, suspended, revoked);
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

    /** A session started at {@code at} on a machine it covers (see {@link CertificationTerm#usedAt}). */
    CertificationGrant usedAt(Instant at) {
        return withTerm(term().usedAt(at));
    }

    private CertificationGrant withTerm(CertificationTerm term) {
        return new CertificationGrant(certificationId, labId, scope, level, term.expiry(), term.grantedAt(),
                                      term.validUntil(), suspended, revoked, term.lastUsedAt());
    }
}
