package org.makerspace.ledger.storage.embedded;

import org.makerspace.ledger.storage.DurabilityBarrier;

/**
 * Makes writes durable by flushing the store, sharing one flush among every writer that arrives while another
 * flush runs (group commit). A writer's flush request is counted only after its write completed, so the flush that
 * starts after the request includes the write; concurrent writers then pay for one flush, not one each.
 */
final class GroupCommit implements DurabilityBarrier {

    private final Runnable flush;
    private final Object lock = new Object();
    private long requested;
    private long flushed;
    private boolean flushing;

    GroupCommit(Runnable flush) {
        this.flush = flush;
    }

    @Override
    public void awaitDurable() {
        long mine;
        synchronized (lock) {
            mine = ++requested;
        }
        while (true) {
            long target;
            synchronized (lock) {
                while (flushing && flushed < mine) {
                    waitForFlush();
                }
                if (flushed >= mine) {
                    return;
                }
                flushing = true;
                target = requested;
            }
            boolean succeeded = false;
            try {
                flush.run();
                succeeded = true;
            } finally {
                synchronized (lock) {
                    if (succeeded) {
                        flushed = Math.max(flushed, target);
                    }
                    flushing = false;
                    lock.notifyAll();
                }
            }
        }
    }

    private void waitForFlush() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store to reach disk; the write may not be durable", e);
        }
    }
}
