package org.makerspace.projections.support;

import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Puts every event of a processing group in one sequence, handled by the same segment on every node and after every
 * restart.
 *
 * <p>Axon's own {@code SequentialPolicy} names its one sequence with a fresh {@code new Object()}, whose hash, which
 * picks the segment, changes with every JVM. After a restart another segment then handled the group's events, from
 * its own token: when the processor had been behind (a burst of facts, a crash), the events between the two segments'
 * positions were skipped for good — awards never made, machine access missing changes. A constant string hashes the
 * same everywhere.
 */
public final class OneSequence implements SequencingPolicy<Object> {

    public static final OneSequence INSTANCE = new OneSequence();
    /** The sequence's name; its hash decides the one segment that handles the group's events. */
    static final String NAME = "one-sequence";

    private OneSequence() {
    }

    @Override
    public Object getSequenceIdentifierFor(Object event) {
        return NAME;
    }
}
