package org.makerspace.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.testing.TestMongo;

class MongoEventStorageEngineIntegrationTest {

    private LedgerStorage storage;
    private MongoEventStorageEngine engine;

    @BeforeEach
    void freshStore() {
        storage = TestMongo.server().freshStorage("engine");
        engine = engineOn(storage, Clock.systemUTC());
    }

    static MongoEventStorageEngine engineOn(LedgerStorage storage, Clock clock) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .database(storage.database())
                .durability(storage.durability())
                .batchSize(10)
                .maxEventsPerCommit(8)
                .clock(clock)
                .build();
        engine.ensureSchema();
        return engine;
    }

    static DomainEventMessage<LabRegistered> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Lab", aggregateId, sequence,
                                               new LabRegistered(LabId.of(aggregateId), "Lab " + aggregateId + " #" + sequence,
                                                                 "https://lab.example/" + aggregateId, "contact@lab.example"),
                                               MetaData.with("recordedBy", "trainer-1"));
    }

    static List<DomainEventMessage<?>> commit(String aggregateId, long firstSequence, int size) {
        return IntStream.range(0, size).<DomainEventMessage<?>>mapToObj(i -> event(aggregateId, firstSequence + i)).toList();
    }

    private List<TrackedEventMessage<?>> readAll(TrackingToken from) {
        return engine.readEvents(from, false).collect(Collectors.toList());
    }

    private static List<String> names(List<? extends org.axonframework.eventhandling.EventMessage<?>> events) {
        return events.stream().map(e -> ((LabRegistered) e.getPayload()).name()).toList();
    }

    @Test
    void readsAnAggregateBackInOrderAcrossCommitsAndWindows() {
        long sequence = 0;
        for (int size : new int[]{1, 3, 8, 2, 5, 1, 7}) {
            engine.appendEvents(commit("lab-a", sequence, size));
            sequence += size;
        }
        engine.appendEvents(commit("lab-b", 0, 2));

        List<? extends DomainEventMessage<?>> events = engine.readEvents("lab-a").asStream().toList();

        assertThat(events).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactlyElementsOf(IntStream.range(0, 27).mapToObj(Long::valueOf).toList());
        assertThat(events.get(5).getPayload()).isEqualTo(event("lab-a", 5).getPayload());
        assertThat(events.get(5).getMetaData()).containsEntry("recordedBy", "trainer-1");
        assertThat(engine.lastSequenceNumberFor("lab-a")).contains(26L);
        assertThat(engine.lastSequenceNumberFor("lab-nobody")).isEmpty();
    }

    @Test
    void readsALongAggregateThroughGrowingWindows() {
        MongoEventStorageEngine wide = MongoEventStorageEngine.builder()
                .database(storage.database())
                .durability(storage.durability())
                .build();
        long sequence = 0;
        while (sequence < 300) {
            int size = (int) (sequence % 3) + 1;
            wide.appendEvents(commit("lab-long", sequence, size));
            sequence += size;
        }

        assertThat(wide.readEvents("lab-long").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, sequence).boxed().toList());
        assertThat(wide.readEvents("lab-long", 100).asStream().count()).isEqualTo(sequence - 100);
        assertThat(wide.lastSequenceNumberFor("lab-long")).contains(sequence - 1);
    }

    /** The embedded store can save a commit without the counter increment made before it; a crash then leaves this. */
    @Test
    void aCounterLeftBehindItsCommitsByACrashIsMovedPastThemAtStart() {
        engine.appendEvents(commit("lab-a", 0, 3));
        engine.appendEvents(commit("lab-b", 0, 2));
        storage.database().getCollection(MongoEventStorageEngine.COUNTERS)
                .updateOne(new Document("_id", "global-position"), new Document("$set", new Document("last", 1L)));

        MongoEventStorageEngine restarted = engineOn(storage, Clock.systemUTC());
        restarted.appendEvents(commit("lab-c", 0, 1));

        Document commit = storage.database().getCollection(MongoEventStorageEngine.COMMITS)
                .find(Filters.eq("_id", "lab-c#0")).first();
        assertThat(commit.getLong("gp")).as("the position handed out after the restart").isEqualTo(6L);
    }

    @Test
    void readsFromASequenceNumberInsideACommit() {
        engine.appendEvents(commit("lab-a", 0, 5));
        engine.appendEvents(commit("lab-a", 5, 2));

        List<? extends DomainEventMessage<?>> events = engine.readEvents("lab-a", 3).asStream().toList();

        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void keepsTheEventTimestampToTheNanosecond() {
        Instant precise = Instant.parse("2026-03-02T10:15:30.123456789Z");
        engine.appendEvents(List.of(timestamped("lab-a", 0, precise)));

        assertThat(engine.readEvents("lab-a").asStream().findFirst().orElseThrow().getTimestamp()).isEqualTo(precise);
    }

    private static DomainEventMessage<?> timestamped(String aggregateId, long sequence, Instant at) {
        DomainEventMessage<LabRegistered> base = event(aggregateId, sequence);
        return new GenericDomainEventMessage<LabRegistered>("Lab", aggregateId, sequence, base.getPayload(),
                                                            base.getMetaData(), base.getIdentifier(), at);
    }

    @Test
    void refusesASecondCommitAtTheSameSequenceNumberAsAConcurrencyConflict() {
        engine.appendEvents(commit("lab-a", 0, 2));
        engine.appendEvents(commit("lab-a", 2, 1));

        assertThatThrownBy(() -> engine.appendEvents(commit("lab-a", 2, 3)))
                .isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining("lab-a");

        assertThat(engine.readEvents("lab-a").asStream().count()).isEqualTo(3);
        assertThat(readAll(null)).hasSize(3);
    }

    @Test
    void letsExactlyOneOfManyConcurrentWritersOfTheSameVersionWin() throws Exception {
        engine.appendEvents(commit("lab-a", 0, 1));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    engine.appendEvents(commit("lab-a", 1, 2));
                    return true;
                } catch (ConcurrencyException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> outcome : outcomes) {
            winners += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
        assertThat(engine.readEvents("lab-a").asStream().count()).isEqualTo(3);
        List<TrackedEventMessage<?>> stream = readAll(null);
        assertThat(stream).hasSize(3);
        assertThat(((GapAwareTrackingToken) stream.get(2).trackingToken()).getGaps())
                .as("positions of the losing commits are voided, not left as gaps").isEmpty();
    }

    @Test
    void givesEveryCommitItsOwnPositionsWhenManyThreadsAppendAtOnce() throws Exception {
        int writers = 8;
        int commitsEach = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String aggregateId = "lab-" + w;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < commitsEach; i++) {
                    engine.appendEvents(commit(aggregateId, i * 2L, 2));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<TrackedEventMessage<?>> events = readAll(null);
        assertThat(events).hasSize(writers * commitsEach * 2);
        assertThat(events).extracting(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex()).doesNotHaveDuplicates();
    }

    @Test
    void streamsEveryEventOnceInGlobalOrderAcrossBatches() {
        for (int i = 0; i < 25; i++) {
            engine.appendEvents(commit("lab-" + (i % 4), i / 4 * 2L, 2));
        }

        List<TrackedEventMessage<?>> events = readAll(null);

        assertThat(events).hasSize(50);
        assertThat(events).extracting(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 50).mapToObj(Long::valueOf).toList());
        assertThat(events).extracting(org.axonframework.eventhandling.EventMessage::getIdentifier).doesNotHaveDuplicates();
    }

    @Test
    void streamsEventsThatBelongToNoAggregate() {
        engine.appendEvents(List.of(GenericEventMessage.asEventMessage(event("x", 0).getPayload())));
        engine.appendEvents(commit("lab-a", 0, 1));

        List<TrackedEventMessage<?>> events = readAll(null);

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isNotInstanceOf(DomainEventMessage.class);
        assertThat(events.get(1)).isInstanceOf(DomainEventMessage.class);
    }

    @Test
    void resumesFromATokenWithoutLosingOrRepeatingEvents() {
        for (int i = 0; i < 12; i++) {
            engine.appendEvents(commit("lab-a", i, 1));
        }
        TrackingToken halfway = readAll(null).get(5).trackingToken();

        MongoEventStorageEngine restarted = engineOn(storage, Clock.systemUTC());
        List<String> rest = names(restarted.readEvents(halfway, false).toList());

        assertThat(rest).containsExactlyElementsOf(
                IntStream.range(6, 12).mapToObj(i -> "Lab lab-a #" + i).toList());
    }

    @Test
    void deliversACommitWrittenLateAfterLaterCommitsAsAGapFill() throws Exception {
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        engine.betweenAllocationAndWrite(() -> {
            if (Thread.currentThread().getName().equals("late-writer")) {
                allocated.countDown();
                await(release);
            }
        });
        engine.appendEvents(commit("lab-a", 0, 1));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread late = new Thread(() -> {
            try {
                engine.appendEvents(commit("lab-late", 0, 2));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "late-writer");
        late.start();
        assertThat(allocated.await(10, TimeUnit.SECONDS)).isTrue();
        engine.appendEvents(commit("lab-b", 0, 1));

        List<TrackedEventMessage<?>> beforeLateWrite = readAll(null);
        assertThat(names(beforeLateWrite)).containsExactly("Lab lab-a #0", "Lab lab-b #0");
        TrackingToken token = beforeLateWrite.get(1).trackingToken();
        assertThat(((GapAwareTrackingToken) token).getGaps()).containsExactly(2L, 3L);

        release.countDown();
        late.join(10_000);
        assertThat(failure.get()).isNull();

        List<TrackedEventMessage<?>> afterLateWrite = readAll(token);
        assertThat(names(afterLateWrite)).containsExactly("Lab lab-late #0", "Lab lab-late #1");
        assertThat(((GapAwareTrackingToken) afterLateWrite.get(1).trackingToken()).getGaps()).isEmpty();
        assertThat(readAll(afterLateWrite.get(1).trackingToken())).isEmpty();
    }

    @Test
    void resumesFromATokenStoredInTheMiddleOfACommit() {
        engine.appendEvents(commit("lab-a", 0, 3));
        engine.appendEvents(commit("lab-b", 0, 1));
        TrackingToken afterFirstEventOfTheCommit = readAll(null).get(0).trackingToken();

        List<TrackedEventMessage<?>> rest = readAll(afterFirstEventOfTheCommit);

        assertThat(names(rest)).containsExactly("Lab lab-a #1", "Lab lab-a #2", "Lab lab-b #0");
    }

    @Test
    void movesPastAWindowOfPositionsVoidedByFailedCommits() {
        engine.appendEvents(commit("lab-a", 0, 1));
        engine.appendEvents(commit("lab-a", 1, 1));
        for (int i = 0; i < 12; i++) {
            assertThatThrownBy(() -> engine.appendEvents(commit("lab-a", 1, 1))).isInstanceOf(ConcurrencyException.class);
        }
        engine.appendEvents(commit("lab-a", 2, 1));

        assertThat(names(readAll(null))).containsExactly("Lab lab-a #0", "Lab lab-a #1", "Lab lab-a #2");
    }

    @Test
    void skipsPositionsThatWereAllocatedButNeverWritten() {
        engine.appendEvents(commit("lab-a", 0, 1));
        abandonPositions(25); // a writer crashed after allocating, more than a batch of positions
        engine.appendEvents(commit("lab-a", 1, 1));

        List<TrackedEventMessage<?>> events = readAll(null);

        assertThat(names(events)).containsExactly("Lab lab-a #0", "Lab lab-a #1");
        assertThat(((GapAwareTrackingToken) events.get(1).trackingToken()).getGaps()).hasSize(25);
    }

    @Test
    void givesUpOnGapsOlderThanTheGapTimeout() {
        engine.appendEvents(commit("lab-a", 0, 1));
        abandonPositions(3);
        engine.appendEvents(commit("lab-a", 1, 1));
        TrackingToken withGaps = readAll(null).get(1).trackingToken();
        assertThat(((GapAwareTrackingToken) withGaps).getGaps()).containsExactly(2L, 3L, 4L);

        Clock twoMinutesLater = Clock.fixed(Instant.now().plus(Duration.ofMinutes(2)), ZoneOffset.UTC);
        MongoEventStorageEngine later = engineOn(storage, twoMinutesLater);
        engine.appendEvents(commit("lab-a", 2, 1));
        List<? extends TrackedEventMessage<?>> next = later.readEvents(withGaps, false).toList();

        assertThat(names(next)).containsExactly("Lab lab-a #2");
        assertThat(((GapAwareTrackingToken) next.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void storesAndReadsTheLatestSnapshot() {
        engine.appendEvents(commit("lab-a", 0, 3));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Lab", "lab-a", 1, "state at 1"));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Lab", "lab-a", 2, "state at 2"));

        DomainEventMessage<?> snapshot = engine.readSnapshot("lab-a").orElseThrow();

        assertThat(snapshot.getSequenceNumber()).isEqualTo(2);
        assertThat(snapshot.getPayload()).isEqualTo("state at 2");
        assertThat(engine.readSnapshot("lab-b")).isEmpty();
    }

    @Test
    void refusesACommitLargerThanTheLimit() {
        assertThatThrownBy(() -> engine.appendEvents(commit("lab-a", 0, 9)))
                .hasMessageContaining("exceeds the limit of 8 events per commit");
        assertThat(readAll(null)).isEmpty();
    }

    private void abandonPositions(int count) {
        storage.database().getCollection(MongoEventStorageEngine.COUNTERS)
                .updateOne(Filters.eq("_id", "global-position"), Updates.inc("last", (long) count));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
