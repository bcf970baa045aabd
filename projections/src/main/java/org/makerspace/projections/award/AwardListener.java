package org.makerspace.projections.award;

/**
 * Told of every award the {@link AwardProjection} makes, inside the event handler that makes it: in the order of
 * the event stream, in the same unit of work, before the award is added to the member's awards. A listener that
 * throws fails the event, which is then handled again (and the award made again, with the same id): a listener must
 * therefore be idempotent, as projections are.
 */
@FunctionalInterface
public interface AwardListener {

    /** A listener that does nothing. */
    AwardListener NONE = made -> {
    };

    void awarded(AwardMade made);
}
