package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.makerspace.ledger.lab.api.LabId;

/**
 * A member joined one more lab (besides the one that registered them): its staff may from then on record the member's
 * trainings, certifications and contributions in its name. Carries no personal data.
 */
@Revision("1")
public record MemberJoinedLab(MemberId memberId, LabId labId, JoinedBy joinedBy, Instant joinedAt) {
}
