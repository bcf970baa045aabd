package org.makerspace.projections.access;

import java.time.Instant;
import java.util.List;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.MemberId;

/**
 * What a proposed requirement would do to a machine's list at {@code at}: the members on it now who would lose their
 * place, and how many would keep it.
 */
public record RequirementPreview(MachineId machineId, Instant at, MachineRequirement current,
                                 MachineRequirement proposed, List<Loss> losing, int keeping) {

    public RequirementPreview {
        losing = List.copyOf(losing);
    }

    /**
     * A member who would lose access: their level and end of validity now, and the reason the machine would give them
     * ({@code level_too_low}, or {@code expired} for want of recent use).
     */
    public record Loss(MemberId memberId, CertificationLevel currentLevel, Instant validUntil, DenialReason reason) {
    }
}
