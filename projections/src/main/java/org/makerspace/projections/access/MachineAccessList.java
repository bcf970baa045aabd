package org.makerspace.projections.access;

import java.time.Instant;
import java.util.List;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.MemberId;

/**
 * Who may use a machine at a moment, by member id: everyone whose best covering certification is valid, SUPERVISED
 * ones included (they may use it with a trainer present); empty while the machine is out of service.
 */
public record MachineAccessList(MachineId machineId, boolean inService, Instant at, List<Entry> entries) {

    /** One member: the level of their best valid certification and until when it holds (absent: never expires). */
    public record Entry(MemberId memberId, CertificationLevel level, Instant validUntil) {
    }

    public MachineAccessList {
        entries = List.copyOf(entries);
    }
}
