package org.makerspace.projections.award;

import java.util.Optional;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.RowCollection;

/** Reads awards by point lookups, for this projection's queries and for read models that show a member's awards. */
public final class MemberAwardsReader {

    static final String MEMBER_AWARDS = "award_member_awards";
    static final String AWARDS = "award_records";

    private final RowCollection<MemberAwards> memberAwards;
    private final RowCollection<Award> awards;

    public MemberAwardsReader(LedgerStorage storage) {
        this.memberAwards = memberAwardsOf(storage);
        this.awards = awardsOf(storage);
    }

    static RowCollection<MemberAwards> memberAwardsOf(LedgerStorage storage) {
        return new RowCollection<>(storage, MEMBER_AWARDS, MemberAwards.class, row -> row.memberId().value());
    }

    static RowCollection<Award> awardsOf(LedgerStorage storage) {
        return new RowCollection<>(storage, AWARDS, Award.class, Award::awardId);
    }

    /** The member's awards; none when the member has earned nothing (or is unknown). */
    public MemberAwards memberAwards(MemberId member) {
        return memberAwards.find(member.value()).orElseGet(() -> MemberAwards.none(member));
    }

    public Optional<Award> award(String awardId) {
        return awards.find(awardId);
    }
}
