package org.makerspace.ledger.lab.api;

import org.axonframework.serialization.Revision;

/**
 * From now on, the lab ({@code machineId} null) or one of its machines is open during {@code hours}; {@code hours}
 * null: the lab is always open, or the machine follows the lab's hours. Machines refuse use outside them.
 */
@Revision("1")
public record OpeningHoursSet(LabId labId, MachineId machineId, OpeningHours hours) {
}
