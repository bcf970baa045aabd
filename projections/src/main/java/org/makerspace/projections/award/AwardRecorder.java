package org.makerspace.projections.award;

import org.makerspace.ledger.member.api.RecordAward;

/**
 * Records an award in the ledger and returns once it is stored (or known already): the award decisions go on, and their
 * processor's token moves, only after that. A failure is thrown, so that the decisions are made again.
 */
@FunctionalInterface
public interface AwardRecorder {

    void record(RecordAward award);
}
