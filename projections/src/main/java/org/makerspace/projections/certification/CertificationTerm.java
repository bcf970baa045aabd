package org.makerspace.projections.certification;

import java.time.Instant;
import java.util.Objects;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MachineCertificationGranted;

/**
 * The period a certification holds, from its grant until {@code validUntil} ({@code null}: never ends), as its expiry
 * rule gives it from the grant time and the last use under it ({@code lastUsedAt}; {@code null} or the grant time:
 * none since the grant, which counts as a use). A use is a session started on a machine the certification covers
 * ({@link #covers}); only a use while the certification still holds moves the end of an "after N months without use"
 * rule on, so a use reported late by an offline controller, after the certification had lapsed, does not revive it.
 *
 * <p>This is the only place that computes validity; the passport, machine access, award decisions and credentials keep
 * their own copies of these four values and change them only through it.
 */
public record CertificationTerm(ExpiryRule expiry, Instant grantedAt, Instant lastUsedAt, Instant validUntil) {

    public CertificationTerm {
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(grantedAt, "grantedAt");
    }

    /** The term of a new grant: the grant counts as the first use. */
    public static CertificationTerm of(MachineCertificationGranted granted) {
        return of(granted.expiry(), granted.grantedAt());
    }

    public static CertificationTerm of(ExpiryRule expiry, Instant grantedAt) {
        return new CertificationTerm(expiry, grantedAt, null, expiry.validUntil(grantedAt, grantedAt).orElse(null));
    }

    /**
     * After a session started at {@code at} on a machine the certification covers: a use before the grant, no later
     * than the last one, or once the certification had ended changes nothing.
     */
    public CertificationTerm usedAt(Instant at) {
        if (at.isBefore(grantedAt) || lastUsedAt != null && !at.isAfter(lastUsedAt) || endedAt(at)) {
            return this;
        }
        return new CertificationTerm(expiry, grantedAt, at, expiry.validUntil(grantedAt, at).orElse(null));
    }

    /** Whether the term is over at {@code at}: its end is at or before that moment. */
    public boolean endedAt(Instant at) {
        return validUntil != null && !at.isBefore(validUntil);
    }

    /** Whether it holds at {@code at} by its term alone: granted by then and not ended. */
    public boolean holdsAt(Instant at) {
        return !at.isBefore(grantedAt) && !endedAt(at);
    }

    /** The standing at {@code at}: a revocation is final, a suspension holds until lifted, then the term decides. */
    public CertificationStanding standingAt(Instant at, boolean suspended, boolean revoked) {
        if (revoked) {
            return CertificationStanding.REVOKED;
        }
        if (suspended) {
            return CertificationStanding.SUSPENDED;
        }
        return endedAt(at) ? CertificationStanding.EXPIRED : CertificationStanding.VALID;
    }

    /** Whether a session on this machine is a use of a certification of {@code certificationLab} with this scope. */
    public static boolean covers(LabId certificationLab, CertificationScope scope, LabId machineLab, MachineId machine,
                                 MachineType machineType) {
        return certificationLab.equals(machineLab) && scope.covers(machine, machineType);
    }
}
