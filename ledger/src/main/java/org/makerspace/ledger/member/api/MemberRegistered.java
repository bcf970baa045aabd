package org.makerspace.ledger.member.api;

import java.time.Instant;
import org.makerspace.ledger.lab.api.LabId;
import org.axonframework.serialization.Revision;

/** A learner joined a lab. Carries no personal data: the directory holds it under the member id. */
@Revision("1")
public record MemberRegistered(MemberId memberId, LabId labId, Instant registeredAt) {
}
