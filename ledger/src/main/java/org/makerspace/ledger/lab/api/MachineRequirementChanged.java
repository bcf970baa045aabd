package org.makerspace.ledger.lab.api;

import org.axonframework.serialization.Revision;
import org.makerspace.ledger.member.api.CertificationLevel;

/**
 * From now on, the machine lets in only members whose certification (or recognised partner credential) covering it
 * is at {@code minimumLevel} at least and, when {@code maxMonthsWithoutUse} is present, was used on a machine it
 * covers (or granted) within that many months; {@code null}: no such limit beyond the certification's own expiry.
 */
@Revision("1")
public record MachineRequirementChanged(LabId labId, MachineId machineId, CertificationLevel minimumLevel,
                                        Integer maxMonthsWithoutUse) {
}
