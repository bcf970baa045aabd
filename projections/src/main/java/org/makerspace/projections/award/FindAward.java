package org.makerspace.projections.award;

import java.util.Objects;

/** Asks for one award by its id; answered with the {@link Award}, or null when there is none. */
public record FindAward(String awardId) {

    public FindAward {
        Objects.requireNonNull(awardId, "awardId");
    }
}
