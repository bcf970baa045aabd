package org.makerspace.projections.award;

import java.util.Objects;
import org.makerspace.ledger.member.api.MemberId;

/** Asks for every award of a member. */
public record FindMemberAwards(MemberId memberId) {

    public FindMemberAwards {
        Objects.requireNonNull(memberId, "memberId");
    }
}
