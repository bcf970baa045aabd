package org.makerspace.projections.award;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.makerspace.ledger.member.api.AchievementAwarded;
import org.makerspace.ledger.member.api.AwardRedated;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.RowCollection;

/**
 * The awards the ledger recorded: one record per award, and each member's awards in the order they were recorded, each
 * dated as the ledger last said. Idempotent: an award is written under its id, and a member's list takes an achievement
 * once.
 */
@ProcessingGroup(AwardProjection.PROCESSING_GROUP)
public class AwardProjection {

    public static final String PROCESSING_GROUP = "award";

    private final RowCollection<MemberAwards> memberAwards;
    private final RowCollection<Award> awards;
    private final MemberAwardsReader reader;

    public AwardProjection(LedgerStorage storage) {
        this.memberAwards = MemberAwardsReader.memberAwardsOf(storage);
        this.awards = MemberAwardsReader.awardsOf(storage);
        this.reader = new MemberAwardsReader(storage);
    }

    @QueryHandler
    public MemberAwards find(FindMemberAwards query) {
        return reader.memberAwards(query.memberId());
    }

    /** The award, or null when there is none (ask with {@code ResponseTypes.optionalInstanceOf}). */
    @QueryHandler
    public Award find(FindAward query) {
        return reader.award(query.awardId()).orElse(null);
    }

    @EventHandler
    void on(AchievementAwarded event) {
        Award award = Award.of(event);
        awards.save(award);
        MemberAwards held = reader.memberAwards(event.memberId());
        MemberAwards updated = held.with(award);
        if (!updated.equals(held)) {
            memberAwards.save(updated);
        }
    }

    @EventHandler
    void on(AwardRedated event) {
        awards.find(event.awardId().value()).ifPresent(known -> {
            Award redated = known.redated(event);
            awards.save(redated);
            MemberAwards held = reader.memberAwards(event.memberId());
            MemberAwards updated = held.replaced(redated);
            if (!updated.equals(held)) {
                memberAwards.save(updated);
            }
        });
    }

    @ResetHandler
    void reset() {
        memberAwards.clear();
        awards.clear();
    }
}
