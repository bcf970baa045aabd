package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.makerspace.ledger.lab.api.LabId;

/**
 * Makes a member a member of one more lab of the network, so that its staff may record what the member does there.
 * Joining a lab the member already belongs to records nothing.
 *
 * @param joinedBy whose act it is: the member's own, or an admin's of a lab the member already belongs to
 */
public record JoinLab(@TargetAggregateIdentifier MemberId memberId, LabId labId, JoinedBy joinedBy, Instant joinedAt) {
}
