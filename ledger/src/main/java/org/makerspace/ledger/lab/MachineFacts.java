package org.makerspace.ledger.lab;

import org.makerspace.ledger.lab.api.MachineType;

/** What a lab confirmed when it allowed a certification: the machine type the trainer was checked against. */
public record MachineFacts(MachineType machineType) {
}
