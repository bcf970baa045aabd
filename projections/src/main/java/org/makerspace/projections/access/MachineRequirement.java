package org.makerspace.projections.access;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineRequirementChanged;
import org.makerspace.ledger.member.api.CertificationLevel;

/**
 * What a machine asks of a member's best basis beyond being valid: a level of {@code minimumLevel} at least (below
 * it: {@link DenialReason#LEVEL_TOO_LOW}), and, when {@code maxMonthsWithoutUse} is present, a use within that many
 * months (past it: {@link DenialReason#EXPIRED} on this machine, whatever the certification's own expiry says).
 *
 * <p>A certification's last use is the last session started on a machine it covers, or its grant. A partner's
 * credential has no use recorded against it here, so its import is its last use: it lapses that many months after
 * the import. That is the safe side for a rule meant to keep out people who have lost the habit of a machine.
 */
public record MachineRequirement(MachineId machineId, CertificationLevel minimumLevel, Integer maxMonthsWithoutUse) {

    public MachineRequirement {
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(minimumLevel, "minimumLevel");
    }

    /** What a machine asks when its lab never said otherwise: any valid basis, used or not. */
    public static MachineRequirement defaultFor(MachineId machineId) {
        return new MachineRequirement(machineId, CertificationLevel.SUPERVISED, null);
    }

    static MachineRequirement of(MachineRequirementChanged event) {
        return new MachineRequirement(event.machineId(), event.minimumLevel(), event.maxMonthsWithoutUse());
    }

    boolean isDefault() {
        return equals(defaultFor(machineId));
    }

    boolean admits(CertificationLevel level) {
        return level.atLeast(minimumLevel);
    }

    /** When the basis stops counting on this machine for want of use; {@code null}: never for that reason. */
    Instant lapseOf(AccessBasis basis) {
        if (maxMonthsWithoutUse == null) {
            return null;
        }
        Instant lastUse;
        if (basis instanceof CertificationGrant certification) {
            lastUse = certification.lastUsedAt() != null && certification.lastUsedAt().isAfter(certification.grantedAt())
                    ? certification.lastUsedAt()
                    : certification.grantedAt();
        } else {
            lastUse = ((RecognisedCredential) basis).credential().importedAt();
        }
        return lastUse.atOffset(ZoneOffset.UTC).plusMonths(maxMonthsWithoutUse).toInstant();
    }
}
