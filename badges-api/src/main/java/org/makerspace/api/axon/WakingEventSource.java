package org.makerspace.api.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the pooled processors read it, telling them when events may be there. Axon's embedded store
 * cannot say so (its streams do not take an availability callback), so a pooled processor's coordinator looks
 * every 500 ms, and a revoked card reached a controller half a second late on average. Events published on this
 * node nudge the processors at once (and again shortly after, since the store's own reader may fetch them a few
 * milliseconds later); a nudge every 500 ms covers events appended by other nodes, as Axon's own polling did.
 */
final class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    /** After a local publication: the store's reader fetches on commit, usually within the first nudge. */
    private static final long[] NUDGES_AFTER_PUBLISHING_MILLIS = {2, 20, 100};

    private final EventStore store;
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService nudges;
    private final Registration subscription;

    WakingEventSource(EventStore store, Duration fallbackInterval) {
        this.store = store;
        this.nudges = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-availability");
            thread.setDaemon(true);
            return thread;
        });
        this.subscription = store.subscribe(published -> {
            try {
                for (long delay : NUDGES_AFTER_PUBLISHING_MILLIS) {
                    nudges.schedule(this::nudge, delay, TimeUnit.MILLISECONDS);
                }
            } catch (RejectedExecutionException closing) {
                // a command committing while the application stops: its events are stored, nobody is left to wake
            }
        });
        nudges.scheduleWithFixedDelay(this::nudge, fallbackInterval.toMillis(), fallbackInterval.toMillis(),
                                      TimeUnit.MILLISECONDS);
    }

    private void nudge() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                // a processor shutting down; its stream's close removes the callback
            }
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new WakingStream(store.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    @Override
    public void close() {
        subscription.cancel();
        nudges.shutdownNow();
    }

    /** The store's stream, with the availability callback it lacks. */
    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        WakingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            Runnable previous = callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            callback = onAvailable;
            callbacks.add(onAvailable);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public Stream<TrackedEventMessage<?>> asStream() {
            return delegate.asStream();
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
