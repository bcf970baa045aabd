package org.makerspace.projections.status;

import org.makerspace.ledger.lab.api.LabId;

/** Where an award sits in its lab's status lists, and what they say about it now. */
public record AwardStatus(String awardId, LabId labId, int index, boolean revoked, boolean suspended) {
}
