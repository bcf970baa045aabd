package org.makerspace.api.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The availability callback Axon's embedded store lacks. Axon's in-memory storage engine stands in for ours here:
 * what is under test is the wrapper's signalling, not storage.
 */
class WakingEventSourceTest {

    /** Long enough that only a publication, not the fallback, can explain a callback within the test's wait. */
    private static final Duration FALLBACK = Duration.ofMinutes(10);

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final WakingEventSource source = new WakingEventSource(store, FALLBACK);

    @AfterEach
    void close() {
        source.close();
        store.shutDown();
    }

    @Test
    void aStreamTakesAnAvailabilityCallback() {
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(() -> { })).isTrue();
        }
    }

    @Test
    void publishingAnEventCallsTheCallbackAndTheEventIsThere() throws Exception {
        CountDownLatch called = new CountDownLatch(1);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            stream.setOnAvailableCallback(called::countDown);

            store.publish(GenericEventMessage.asEventMessage("a fact"));

            assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("a fact");
        }
    }

    @Test
    void aClosedStreamIsNoLongerCalled() throws Exception {
        CountDownLatch closedOne = new CountDownLatch(1);
        CountDownLatch openOne = new CountDownLatch(1);
        BlockingStream<TrackedEventMessage<?>> closed = source.openStream(null);
        closed.setOnAvailableCallback(closedOne::countDown);
        closed.close();
        try (BlockingStream<TrackedEventMessage<?>> open = source.openStream(null)) {
            open.setOnAvailableCallback(openOne::countDown);

            store.publish(GenericEventMessage.asEventMessage("a fact"));

            assertThat(openOne.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(closedOne.getCount()).isEqualTo(1);
        }
    }
}
