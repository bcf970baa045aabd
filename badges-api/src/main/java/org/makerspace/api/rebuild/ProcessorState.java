package org.makerspace.api.rebuild;

import java.util.List;
import org.makerspace.api.axon.TokenClaims;

/**
 * One streaming processor as this node sees it: the ledger's head, the position of its slowest segment processed here
 * ({@code null} when none is), whether it is caught up or replaying, which of its segments other nodes hold, and its
 * rebuild if one was started here.
 */
public record ProcessorState(String name, long head, Long position, boolean caughtUp, boolean replaying,
                             int segmentsHere, List<TokenClaims.Claim> heldElsewhere, RebuildProgress rebuild) {

    public ProcessorState {
        heldElsewhere = List.copyOf(heldElsewhere);
    }
}
