package org.makerspace.projections.passport;

import java.time.Instant;
import java.util.Objects;
import org.makerspace.ledger.member.api.MemberId;

/** Asks for a member's passport, with certification statuses as they stand at {@code at}. */
public record FindMemberPassport(MemberId memberId, Instant at) {

    public FindMemberPassport {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(at, "at");
    }
}
