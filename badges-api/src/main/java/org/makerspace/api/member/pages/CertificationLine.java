package org.makerspace.api.member.pages;

import java.time.Instant;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.projections.passport.CertificationView;

/**
 * One certification as the passport page shows it: on what (one machine, or a machine type whose name the page
 * takes from the bundles), at which level, in which state, until when.
 *
 * @param machineId   the one machine it covers, or null for a machine type
 * @param machineType the machine type it covers, or null for one machine
 * @param status      {@code VALID}, {@code EXPIRING_SOON}, {@code EXPIRED}, {@code SUSPENDED} or {@code REVOKED}
 * @param validUntil  null when it never expires
 */
record CertificationLine(String certificationId, String labId, String machineId, String machineType, String level,
                         String status, Instant grantedAt, Instant validUntil) {

    static CertificationLine of(CertificationView view) {
        var certification = view.certification();
        String machineId = certification.scope() instanceof CertificationScope.OneMachine one
                ? one.machineId().value() : null;
        String machineType = certification.scope() instanceof CertificationScope.MachineFamily family
                ? family.machineType().code() : null;
        return new CertificationLine(certification.certificationId().value(), certification.labId().value(), machineId,
                                     machineType, certification.level().name(), view.status().name(),
                                     certification.grantedAt(), certification.validUntil());
    }

    /** Whether the lab may still suspend, reinstate or revoke it: a revoked certification is final. */
    public boolean changeable() {
        return !status.equals("REVOKED");
    }

    public boolean suspended() {
        return status.equals("SUSPENDED");
    }
}
