package org.makerspace.ledger.common;

import java.time.Instant;

/**
 * Keeps each thing's timeline in order: an act on a record (a retraction, a suspension, a revocation, a return to
 * service) may not be dated before the business time of the state it acts on. History imported late is fine;
 * history that contradicts itself is not.
 */
public final class Chronology {

    private Chronology() {
    }

    /**
     * Refuses with code {@code out-of-sequence} when {@code at} is before {@code reference}; a {@code null} reference
     * (nothing dated to act on) accepts any time.
     *
     * @param act                what is being done, such as "revocation of certification c-1 of member m-1"
     * @param reference          the business time of the state acted on
     * @param referenceStatement how that state came to be, such as "it was granted"
     */
    public static void requireNotBefore(Instant at, String act, Instant reference, String referenceStatement) {
        if (reference != null && at.isBefore(reference)) {
            throw new DomainRefusal("out-of-sequence",
                    act + " at " + at + " is before " + referenceStatement + " at " + reference);
        }
    }
}
