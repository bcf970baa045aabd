package org.makerspace.ledger.storage;

/**
 * Called after a write and before the write is acknowledged to anyone, so that an acknowledged write survives a
 * crash. Storage code calls it without knowing which server answers: against a real MongoDB the write concern
 * ({@code majority}, journaled) already made the write durable and this is a no-op; against the embedded server it
 * forces the store to disk.
 */
@FunctionalInterface
public interface DurabilityBarrier {

    /** A real MongoDB with a journaled write concern needs nothing more. */
    DurabilityBarrier WRITE_CONCERN = () -> {
    };

    /** Returns once every write this thread completed before the call is on disk. */
    void awaitDurable();
}
