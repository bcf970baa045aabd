package org.makerspace.ledger.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.makerspace.ledger.common.LedgerJson;
import org.makerspace.ledger.storage.DurabilityBarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's event storage on MongoDB, designed for a ledger: a global position for every event, atomic commits,
 * clean concurrency conflicts and only unique-key lookups on the hot path.
 *
 * <p><b>Layout.</b> One document per commit and aggregate in {@value #COMMITS}: {@code _id} is
 * {@code "<aggregate id>#<first sequence number>"}, {@code gp} (unique) the global position of its first event, and
 * {@code events} the serialized events, which take the positions {@code gp}, {@code gp + 1}, … in order. Positions
 * come from a counter document (one atomic {@code $inc} per commit), so they can have gaps (a failed or abandoned
 * commit) and become visible out of order; readers therefore track them with a {@link GapAwareTrackingToken}.
 *
 * <p><b>Why keys of first sequence numbers detect every conflict.</b> A reader always sees whole commits, so every
 * version an aggregate is loaded at (from events or a snapshot) is the last sequence number of some commit, and the
 * next append starts at the first sequence number of the next commit. Two writers that loaded the same version
 * therefore both try the same {@code _id}, and the loser gets a duplicate key: Axon's {@code ConcurrencyException}.
 *
 * <p><b>Queries.</b> Loading an aggregate asks for the candidate keys of a window of sequence numbers with
 * {@code _id $in}; streaming asks for the candidate first positions of a window after the token plus its gaps with
 * {@code gp $in}. Both are multi-point lookups on unique keys: their cost does not grow with the store, on a real
 * MongoDB and on the embedded server alike (which uses an index only for exact matches on a unique key).
 */
public final class MongoEventStorageEngine extends BatchingEventStorageEngine {

    public static final String COMMITS = "event_commits";
    public static final String COUNTERS = "event_counters";
    public static final String SNAPSHOTS = "event_snapshots";

    private static final Logger log = LoggerFactory.getLogger(MongoEventStorageEngine.class);
    private static final String POSITION_COUNTER = "global-position";
    /** How many positions above the counter one look-up asks for when repairing the counter at start. */
    private static final int COUNTER_REPAIR_WINDOW = 256;
    private static final String POSITION_INDEX = "global_position_unique";
    private static final int MAX_POSITION_ATTEMPTS = 3;
    private static final String NON_AGGREGATE_PREFIX = "~";
    private static final String VOID_PREFIX = "void#";
    /** A stream that skips forward over abandoned positions stops after this many empty windows per fetch. */
    private static final int MAX_EMPTY_WINDOWS_PER_FETCH = 1_000;
    /** Candidate keys of the first window when loading an aggregate, and how much each further window grows. */
    private static final int FIRST_WINDOW = 16;
    private static final int WINDOW_GROWTH = 4;

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> snapshots;
    private final DurabilityBarrier durability;
    private final int maxEventsPerCommit;
    private final int maxGapOffset;
    private final Duration gapTimeout;
    private final Clock clock;
    private final Counter eventsAppended;
    private final Counter commitsAppended;
    private final Counter conflicts;
    private final Object allocationLock = new Object();
    /** Runs between allocating positions and writing the commit: lets tests hold a commit open to make a gap. */
    private volatile Runnable betweenAllocationAndWrite = () -> {
    };

    private MongoEventStorageEngine(Builder builder) {
        super(builder);
        WriteConcern durable = WriteConcern.MAJORITY.withJournal(true);
        MongoDatabase database = builder.database
                .withWriteConcern(durable)
                .withReadConcern(ReadConcern.MAJORITY)
                .withReadPreference(ReadPreference.primary());
        this.commits = database.getCollection(COMMITS);
        this.counters = database.getCollection(COUNTERS);
        this.snapshots = database.getCollection(SNAPSHOTS);
        this.durability = builder.durability;
        this.maxEventsPerCommit = builder.maxEventsPerCommit;
        this.maxGapOffset = builder.maxGapOffset;
        this.gapTimeout = builder.gapTimeout;
        this.clock = builder.clock;
        this.eventsAppended = Counter.builder("ledger.events.appended")
                .description("Events appended to the ledger")
                .register(builder.meterRegistry);
        this.commitsAppended = Counter.builder("ledger.commits.appended")
                .description("Commits (one per command) appended to the ledger")
                .register(builder.meterRegistry);
        this.conflicts = Counter.builder("ledger.append.conflicts")
                .description("Appends refused because another command changed the aggregate first")
                .register(builder.meterRegistry);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the unique key on global positions and the position counter, and moves the counter past any commit
     * found above it; safe to call at every start.
     */
    public void ensureSchema() {
        commits.createIndex(Indexes.ascending("gp"), new IndexOptions().unique(true).name(POSITION_INDEX));
        if (counters.find(eq("_id", POSITION_COUNTER)).first() == null) {
            try {
                counters.insertOne(new Document("_id", POSITION_COUNTER).append("last", 0L));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // another node created it at the same moment: fine
            }
        }
        repairCounter();
    }

    /**
     * After a crash, the embedded store may hold commits above the counter: it saves collections one after the other,
     * so a save could take a commit written after an increment without the increment. Handing those positions out
     * again would have the commit refused as a duplicate at best; and a position below a commit that readers passed,
     * once its gap timed out, would never be read. The counter is moved past every commit found in windows of
     * positions above it, up to the first window holding none: commits above the counter are only those that were in
     * flight at the crash, a handful.
     */
    private void repairCounter() {
        long counter = currentCounter();
        long highest = counter;
        for (long from = counter + 1; ; from += COUNTER_REPAIR_WINDOW) {
            List<Long> window = new ArrayList<>(COUNTER_REPAIR_WINDOW);
            addRange(window, from, from + COUNTER_REPAIR_WINDOW - 1);
            long found = -1;
            for (Document commit : commits.find(in("gp", window)).projection(new Document("gp", 1).append("n", 1))) {
                found = Math.max(found, commit.getLong("gp") + Math.max(1, commit.getInteger("n", 1)) - 1);
            }
            if (found < 0) {
                break;
            }
            highest = Math.max(highest, found);
        }
        if (highest > counter) {
            counters.updateOne(eq("_id", POSITION_COUNTER), Updates.max("last", highest));
            durability.awaitDurable();
            log.warn("The position counter stood at {} below commits up to position {} (left by a crash); moved past them",
                     counter, highest);
        }
    }

    private long currentCounter() {
        Document counter = counters.find(eq("_id", POSITION_COUNTER)).first();
        return counter == null ? 0 : ((Number) counter.get("last")).longValue();
    }

    // ---------------------------------------------------------------- appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        Document commit = commitDocument(events, serializer);
        for (int attempt = 1; ; attempt++) {
            long lastPosition = allocatePositions(events.size());
            long firstPosition = lastPosition - events.size() + 1;
            commit.put("gp", firstPosition);
            // When the commit was written, not when its events were applied: the gap time-out is about writers.
            commit.put("wt", Date.from(clock.instant()));
            betweenAllocationAndWrite.run();
            try {
                commits.insertOne(commit);
                break;
            } catch (MongoException e) {
                voidPositions(firstPosition, events.size());
                if (isDuplicatePosition(e) && attempt < MAX_POSITION_ATTEMPTS) {
                    continue; // the counter handed out a position twice: take fresh ones, the commit itself is fine
                }
                if (isDuplicateKey(e)) {
                    conflicts.increment();
                }
                handlePersistenceException(e, events.get(0));
            }
        }
        durability.awaitDurable();
        commitsAppended.increment();
        eventsAppended.increment(events.size());
    }

    private Document commitDocument(List<? extends EventMessage<?>> events, Serializer serializer) {
        EventMessage<?> first = events.get(0);
        String aggregateId = aggregateIdOf(first);
        if (events.size() > maxEventsPerCommit) {
            throw new EventStoreException("a commit of " + events.size() + " events exceeds the limit of "
                    + maxEventsPerCommit + " events per commit (first event " + first.getIdentifier() + ")");
        }
        List<Document> serialized = new ArrayList<>(events.size());
        long expectedSequence = first instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
        for (EventMessage<?> event : events) {
            requireSameStream(first, aggregateId, event, expectedSequence);
            serialized.add(eventDocument(event, serializer));
            expectedSequence++;
        }
        String aggregateType = first instanceof DomainEventMessage<?> domain ? domain.getType() : null;
        long firstSequence = first instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
        String key = aggregateId == null
                ? NON_AGGREGATE_PREFIX + first.getIdentifier()
                : commitKey(aggregateId, firstSequence);
        return new Document("_id", key)
                .append("agg", aggregateId)
                .append("type", aggregateType)
                .append("s", firstSequence)
                .append("n", events.size())
                .append("at", Date.from(first.getTimestamp()))
                .append("events", serialized);
    }

    /**
     * A commit is one aggregate's contiguous events, or events of no aggregate: writing several aggregates'
     * events atomically would need a multi-document transaction, which the embedded server lacks, and no command
     * of this ledger changes two aggregates.
     */
    private static void requireSameStream(EventMessage<?> first, String aggregateId, EventMessage<?> event,
                                          long expectedSequence) {
        if (!Objects.equals(aggregateId, aggregateIdOf(event))) {
            throw new EventStoreException("a commit may append to one aggregate only, but it holds events of "
                    + aggregateId + " and " + aggregateIdOf(event) + " (first event " + first.getIdentifier() + ")");
        }
        if (event instanceof DomainEventMessage<?> domain && domain.getSequenceNumber() != expectedSequence) {
            throw new EventStoreException("events of aggregate " + aggregateId + " must have contiguous sequence numbers,"
                    + " expected " + expectedSequence + " but got " + domain.getSequenceNumber());
        }
    }

    private static String aggregateIdOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
    }

    private static Document eventDocument(EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        return new Document("id", event.getIdentifier())
                .append("ts", event.getTimestamp().toString())
                .append("pt", payload.getType().getName())
                .append("pr", payload.getType().getRevision())
                .append("p", payload.getData())
                .append("m", metaData.getData());
    }

    /**
     * One atomic {@code $inc} on a real MongoDB. The embedded server applies a find-and-modify as a read followed by
     * a write, without a lock, so two concurrent increments can return the same value; serialising this node's
     * allocations closes that race (only this process can reach the embedded server) and costs a real MongoDB
     * nothing that matters: one short round trip per commit.
     */
    private long allocatePositions(int count) {
        synchronized (allocationLock) {
            return incrementCounter(count);
        }
    }

    private long incrementCounter(int count) {
        Document counter = counters.findOneAndUpdate(
                eq("_id", POSITION_COUNTER),
                Updates.inc("last", (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) Objects.requireNonNull(counter, "position counter").get("last")).longValue();
    }

    /**
     * Marks the positions of a failed commit as empty, so that readers need not wait for them. Best effort: a
     * position left unmarked is a gap, which readers also handle, only less cheaply.
     */
    private void voidPositions(long firstPosition, int count) {
        try {
            commits.insertOne(new Document("_id", VOID_PREFIX + firstPosition)
                                      .append("gp", firstPosition)
                                      .append("n", count)
                                      .append("at", Date.from(clock.instant()))
                                      .append("events", List.of()));
        } catch (MongoException ignored) {
            // the positions stay a gap
        }
    }

    /** A duplicate on the global position, not on the commit key: not a conflict between commands. */
    private static boolean isDuplicatePosition(MongoException e) {
        return isDuplicateKey(e) && String.valueOf(e.getMessage()).contains(POSITION_INDEX);
    }

    private static boolean isDuplicateKey(Exception e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        if (e instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                    .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        return false;
    }

    void betweenAllocationAndWrite(Runnable hook) {
        this.betweenAllocationAndWrite = hook;
    }

    static String commitKey(String aggregateId, long firstSequence) {
        return aggregateId + "#" + firstSequence;
    }

    // ---------------------------------------------------------------- reading an aggregate

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String aggregateId, long firstSequenceNumber) {
        return StreamSupport.stream(new AggregateStream(aggregateId, firstSequenceNumber), false);
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateId, long firstSequenceNumber,
                                                                   int batchSize) {
        return readWindow(aggregateId, firstSequenceNumber, batchSize, true).events();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateId) {
        return readEventData(aggregateId, 0).map(DomainEventData::getSequenceNumber).reduce((first, last) -> last);
    }

    /**
     * The events of one aggregate from {@code from} on, asking for the {@code windowSize} candidate keys
     * {@code from, from + 1, …}. A read may start inside a commit (a caller asking from an arbitrary sequence number):
     * when no commit starts at {@code from}, the first window looks below it once, for the commit that covers it.
     */
    private Window readWindow(String aggregateId, long from, int windowSize, boolean firstWindow) {
        List<DomainEventData<?>> events = contiguousEvents(findKeys(aggregateId, from, from + windowSize), from);
        if (events.isEmpty() && firstWindow && from > 0) {
            List<Document> below = findKeys(aggregateId, Math.max(0, from - maxEventsPerCommit + 1), from);
            return new Window(contiguousEvents(below, from), true);
        }
        return new Window(events, false);
    }

    /** Events read for one window, and whether they came from looking below the first sequence number asked. */
    private record Window(List<DomainEventData<?>> events, boolean lookedBelow) {
    }

    /** The events from {@code from} on in these commits, up to the first hole. */
    private static List<DomainEventData<?>> contiguousEvents(List<Document> commitsBySequence, long from) {
        List<DomainEventData<?>> events = new ArrayList<>();
        long expected = from;
        for (Document commit : commitsBySequence) {
            long start = commit.getLong("s");
            List<Document> stored = commit.getList("events", Document.class);
            for (int i = 0; i < stored.size(); i++) {
                long sequence = start + i;
                if (sequence < expected) {
                    continue;
                }
                if (sequence > expected) {
                    return events;
                }
                events.add(domainEventData(commit, stored.get(i), sequence));
                expected++;
            }
        }
        return events;
    }

    /** The commits of the aggregate whose first sequence number lies in [fromInclusive, toExclusive). */
    private List<Document> findKeys(String aggregateId, long fromInclusive, long toExclusive) {
        if (toExclusive <= fromInclusive) {
            return List.of();
        }
        List<String> keys = new ArrayList<>((int) (toExclusive - fromInclusive));
        for (long sequence = fromInclusive; sequence < toExclusive; sequence++) {
            keys.add(commitKey(aggregateId, sequence));
        }
        List<Document> found = commits.find(in("_id", keys)).into(new ArrayList<>());
        found.sort(Comparator.comparingLong(commit -> commit.getLong("s")));
        return found;
    }

    /**
     * Streams an aggregate window by window. Every candidate key costs a lookup whether or not the commit exists, so
     * windows start small (most loads follow a snapshot and read a few events) and grow while they come back full.
     */
    private final class AggregateStream extends java.util.Spliterators.AbstractSpliterator<DomainEventData<?>> {

        private final String aggregateId;
        private long next;
        private int windowSize = Math.min(FIRST_WINDOW, batchSize());
        private boolean firstWindow = true;
        private boolean exhausted;
        private List<DomainEventData<?>> window = List.of();
        private int cursor;

        AggregateStream(String aggregateId, long firstSequence) {
            super(Long.MAX_VALUE, ORDERED | NONNULL);
            this.aggregateId = aggregateId;
            this.next = firstSequence;
        }

        @Override
        public boolean tryAdvance(Consumer<? super DomainEventData<?>> action) {
            if (cursor == window.size()) {
                if (exhausted) {
                    return false;
                }
                Window read = readWindow(aggregateId, next, windowSize, firstWindow);
                window = read.events();
                cursor = 0;
                // Every key of a full window is present, so it yields at least windowSize events; fewer means the
                // end — unless the events came from looking below a read that started inside a commit.
                exhausted = window.size() < windowSize && !read.lookedBelow();
                firstWindow = false;
                windowSize = Math.min(windowSize * WINDOW_GROWTH, batchSize());
                if (window.isEmpty()) {
                    return false;
                }
                next = window.get(window.size() - 1).getSequenceNumber() + 1;
            }
            action.accept(window.get(cursor++));
            return true;
        }
    }

    private static GenericDomainEventEntry<String> domainEventData(Document commit, Document event, long sequence) {
        return new GenericDomainEventEntry<>(commit.getString("type"), commit.getString("agg"), sequence,
                                             event.getString("id"), event.getString("ts"), event.getString("pt"),
                                             event.getString("pr"), event.getString("p"), event.getString("m"));
    }

    // ---------------------------------------------------------------- streaming

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("expected a GapAwareTrackingToken but got " + lastToken);
        }
        GapAwareTrackingToken token = lastToken == null
                ? GapAwareTrackingToken.newInstance(0, List.of())
                : dropTimedOutGaps((GapAwareTrackingToken) lastToken);

        // Every candidate position costs a lookup whether or not a commit starts there, so the window stops at the
        // newest allocated position: a processor that is caught up asks for its gaps and nothing else.
        long head = headPosition();
        List<Long> candidates = new ArrayList<>(token.getGaps());
        long windowEnd = Math.min(token.getIndex() + batchSize, head);
        addRange(candidates, token.getIndex() + 1, windowEnd);
        List<Document> found = new ArrayList<>(findByPositions(candidates));
        found.addAll(commitCoveringNextPosition(token, head, found));
        // Positions abandoned by failed commits (void or never written) can fill whole windows below the head.
        for (int windows = 0; !holdsEvents(found) && windowEnd < head && windows < MAX_EMPTY_WINDOWS_PER_FETCH;
             windows++) {
            List<Long> next = new ArrayList<>(batchSize);
            addRange(next, windowEnd + 1, Math.min(windowEnd + batchSize, head));
            windowEnd = Math.min(windowEnd + batchSize, head);
            found.addAll(findByPositions(next));
        }
        found.sort(Comparator.comparingLong(commit -> commit.getLong("gp")));
        return trackedEvents(token, found);
    }

    /**
     * A token stored by a processor in the middle of a commit (after some of its events, in a batch smaller than the
     * commit) sits on a position no commit starts at; the rest of that commit starts below the token. When nothing
     * starts right after the token, look below it once for a commit that reaches past it.
     */
    private List<Document> commitCoveringNextPosition(GapAwareTrackingToken token, long head, List<Document> found) {
        long next = token.getIndex() + 1;
        if (next > head || token.getIndex() < 1 || found.stream().anyMatch(commit -> commit.getLong("gp") == next)) {
            return List.of();
        }
        List<Long> below = new ArrayList<>(maxEventsPerCommit);
        addRange(below, Math.max(1, next - maxEventsPerCommit + 1), token.getIndex());
        return findByPositions(below).stream()
                .filter(commit -> commit.getLong("gp") + commit.getInteger("n") > next)
                .toList();
    }

    private static boolean holdsEvents(List<Document> commitsFound) {
        return commitsFound.stream().anyMatch(commit -> !commit.getList("events", Document.class).isEmpty());
    }

    /** When the commit reached the store (older commits, written before this field existed, give their events' time). */
    private static Instant writtenAt(Document commit) {
        Date written = commit.getDate("wt");
        return (written != null ? written : commit.getDate("at")).toInstant();
    }

    private List<TrackedEventData<?>> trackedEvents(GapAwareTrackingToken start, List<Document> commitsFound) {
        Instant gapFrame = clock.instant().minus(gapTimeout);
        List<TrackedEventData<?>> result = new ArrayList<>();
        GapAwareTrackingToken token = start;
        Set<Long> voided = new HashSet<>();
        for (Document commit : commitsFound) {
            long firstPosition = commit.getLong("gp");
            List<Document> stored = commit.getList("events", Document.class);
            if (stored.isEmpty()) {
                for (long p = firstPosition; p < firstPosition + commit.getInteger("n"); p++) {
                    voided.add(p);
                }
                continue;
            }
            boolean allowGaps = writtenAt(commit).isAfter(gapFrame);
            for (int i = 0; i < stored.size(); i++) {
                long position = firstPosition + i;
                if (position <= token.getIndex() && !token.getGaps().contains(position)) {
                    continue; // already delivered
                }
                token = withoutVoided(token.advanceTo(position, allowGaps ? maxGapOffset : 0), voided);
                result.add(new TrackedDomainEventData<>(token, domainEventData(commit, stored.get(i),
                                                                               sequenceOf(commit, i))));
            }
        }
        return result;
    }

    private static long sequenceOf(Document commit, int index) {
        return commit.get("agg") == null ? 0 : commit.getLong("s") + index;
    }

    private static GapAwareTrackingToken withoutVoided(GapAwareTrackingToken token, Set<Long> voided) {
        if (voided.isEmpty() || token.getGaps().stream().noneMatch(voided::contains)) {
            return token;
        }
        SortedSet<Long> gaps = new TreeSet<>(token.getGaps());
        gaps.removeAll(voided);
        return GapAwareTrackingToken.newInstance(token.getIndex(), gaps);
    }

    /**
     * Gives up on gaps that stayed open longer than the gap timeout. A position is allocated before any later
     * position is written, so once the first commit written after the oldest gap is older than the timeout, that
     * gap has been open at least that long: its writer crashed or failed.
     */
    private GapAwareTrackingToken dropTimedOutGaps(GapAwareTrackingToken token) {
        if (token.getGaps().isEmpty()) {
            return token;
        }
        long oldestGap = token.getGaps().first();
        List<Long> following = new ArrayList<>(maxEventsPerCommit);
        addRange(following, oldestGap + 1, oldestGap + maxEventsPerCommit);
        Instant gapFrame = clock.instant().minus(gapTimeout);
        return findByPositions(following).stream()
                .filter(commit -> !token.getGaps().contains(commit.getLong("gp")))
                .findFirst()
                .filter(commit -> writtenAt(commit).isBefore(gapFrame))
                .map(commit -> token.withGapsTruncatedAt(commit.getLong("gp")))
                .orElse(token);
    }

    private List<Document> findByPositions(List<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        List<Document> found = commits.find(in("gp", positions)).into(new ArrayList<>());
        found.sort(Comparator.comparingLong(commit -> commit.getLong("gp")));
        return found;
    }

    private static void addRange(List<Long> target, long fromInclusive, long toInclusive) {
        for (long p = fromInclusive; p <= toInclusive; p++) {
            target.add(p);
        }
    }

    private long headPosition() {
        Document counter = counters.find(eq("_id", POSITION_COUNTER)).first();
        return counter == null ? 0 : ((Number) counter.get("last")).longValue();
    }

    /**
     * The last position a commit (or the void mark of a failed one) holds. The counter may stand a little further:
     * positions handed out to commits still being written, or to commits a crash lost, which no reader will ever see;
     * a processor that has read everything stands here, not at the counter. Looks at the window of positions just
     * below the counter: the counter itself when that window holds nothing.
     */
    public long lastWrittenPosition() {
        long counter = headPosition();
        if (counter == 0) {
            return 0;
        }
        List<Long> window = new ArrayList<>(COUNTER_REPAIR_WINDOW);
        addRange(window, Math.max(1, counter - COUNTER_REPAIR_WINDOW + 1), counter);
        long last = -1;
        for (Document commit : commits.find(in("gp", window)).projection(new Document("gp", 1).append("n", 1))) {
            last = Math.max(last, commit.getLong("gp") + Math.max(1, commit.getInteger("n", 1)) - 1);
        }
        return last < 0 ? counter : Math.min(last, counter);
    }

    @Override
    public TrackingToken createHeadToken() {
        return GapAwareTrackingToken.newInstance(headPosition(), List.of());
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    // ---------------------------------------------------------------- snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document event = eventDocument(snapshot, serializer);
        Document document = new Document("_id", snapshot.getAggregateIdentifier())
                .append("type", snapshot.getType())
                .append("agg", snapshot.getAggregateIdentifier())
                .append("s", snapshot.getSequenceNumber())
                .append("event", event);
        snapshots.replaceOne(eq("_id", snapshot.getAggregateIdentifier()), document, new ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateId) {
        Document snapshot = snapshots.find(eq("_id", aggregateId)).first();
        if (snapshot == null) {
            return Stream.empty();
        }
        return Stream.of(domainEventData(snapshot, snapshot.get("event", Document.class), snapshot.getLong("s")));
    }

    /** Builds the engine; the database and the durability barrier are required. */
    public static final class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private DurabilityBarrier durability;
        private int maxEventsPerCommit = 64;
        private int maxGapOffset = 10_000;
        private Duration gapTimeout = Duration.ofMinutes(1);
        private Clock clock = Clock.systemUTC();
        private MeterRegistry meterRegistry = new SimpleMeterRegistry();

        private Builder() {
            persistenceExceptionResolver(MongoEventStorageEngine::isDuplicateKey);
            eventSerializer(JacksonSerializer.builder().objectMapper(LedgerJson.eventMapper()).build());
            snapshotSerializer(JacksonSerializer.builder().objectMapper(LedgerJson.snapshotMapper()).build());
            batchSize(256);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder durability(DurabilityBarrier durability) {
            this.durability = durability;
            return this;
        }

        /** The most events one command may append; reads starting inside a commit look back this far for its start. */
        public Builder maxEventsPerCommit(int maxEventsPerCommit) {
            this.maxEventsPerCommit = maxEventsPerCommit;
            return this;
        }

        /** How many positions behind the newest one a gap is still awaited. */
        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /** How long a gap is awaited before its writer is presumed dead. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = meterRegistry;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("the MongoDB database is required");
            }
            if (durability == null) {
                throw new AxonConfigurationException("the durability barrier is required");
            }
            if (maxEventsPerCommit < 1 || maxGapOffset < 0 || gapTimeout.isNegative()) {
                throw new AxonConfigurationException("maxEventsPerCommit must be positive, maxGapOffset and gapTimeout not negative");
            }
        }

        public MongoEventStorageEngine build() {
            validate();
            return new MongoEventStorageEngine(this);
        }
    }
}
