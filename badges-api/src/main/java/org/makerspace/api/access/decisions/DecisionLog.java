package org.makerspace.api.access.decisions;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every access decision, kept for audits in {@value #COLLECTION}.
 *
 * <p><b>Why not events.</b> A decision is an answer computed from the ledger, not a fact anything else is decided
 * from; as events they would put a durable, group-committed write on every card tap and swamp the stream every
 * projection reads. <b>Why a queue.</b> The decision path answers from memory in microseconds, and a database round
 * trip per tap would multiply that a thousandfold: {@link #record} only offers the decision to a bounded in-memory
 * queue, and one writer thread inserts what waits in batches ({@code insertMany}) every flush interval, or at once when
 * a batch is full.
 *
 * <p><b>What can be lost, stated.</b> A crash loses the decisions still queued: about one flush interval's worth, more
 * if the database was slow or away (a failed batch is retried a few times, then dropped and counted). A full queue
 * drops new decisions rather than slowing the machines; {@code ledger.access.decision-log.dropped} counts them. On
 * shutdown, Spring stops the log after the web server, and it writes everything queued before the database closes.
 *
 * <p>Offline decisions a controller uploads are written at once, before the upload is answered, since the controller
 * forgets them once it is: they carry a key derived from their content, so an upload sent again adds nothing.
 */
public class DecisionLog implements SmartLifecycle {

    public static final String COLLECTION = "access_decisions";
    public static final String DROPPED_METRIC = "ledger.access.decision-log.dropped";
    public static final String WRITTEN_METRIC = "ledger.access.decision-log.written";
    /** After the web server (which stops at {@code DEFAULT_PHASE - 2048}), so that no decision comes after the last flush. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);

    private final MongoCollection<Document> decisions;
    private final BlockingQueue<LoggedDecision> queue;
    private final int batchSize;
    private final Duration flushInterval;
    private final Counter written;
    private final Counter dropped;
    private final Object writing = new Object();
    private volatile boolean running;
    private volatile Thread writer;

    public DecisionLog(MongoDatabase database, DecisionLogProperties properties, MeterRegistry meterRegistry) {
        this.decisions = database.getCollection(COLLECTION);
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.batchSize = properties.batchSize();
        this.flushInterval = properties.flushInterval();
        this.written = Counter.builder(WRITTEN_METRIC)
                .description("Access decisions written to the decision log")
                .register(meterRegistry);
        this.dropped = Counter.builder(DROPPED_METRIC)
                .description("Access decisions the decision log lost: its queue was full, or the database refused a "
                             + "batch too often")
                .register(meterRegistry);
        Gauge.builder("ledger.access.decision-log.queued", queue, BlockingQueue::size)
                .description("Access decisions waiting to be written to the decision log")
                .register(meterRegistry);
    }

    /**
     * The queries' indexes: a machine's decisions newest first, and one member's on a machine. A real MongoDB uses
     * them; the embedded server scans, which is fine for an audit (it is off the decision path).
     */
    public void ensureIndexes() {
        decisions.createIndex(Indexes.compoundIndex(Indexes.ascending("machineId"), Indexes.descending("at")));
        decisions.createIndex(Indexes.compoundIndex(Indexes.ascending("machineId"), Indexes.ascending("memberId"),
                                                    Indexes.descending("at")));
    }

    // ---------------------------------------------------------------- writing

    /** Queues an online decision; never blocks and never touches the database. */
    public void record(LoggedDecision decision) {
        if (!queue.offer(decision)) {
            dropped.increment();
            return;
        }
        Thread current = writer;
        if (current != null && queue.size() >= batchSize) {
            LockSupport.unpark(current);
        }
    }

    /** What an upload of offline decisions did: how many it added, how many were known already. */
    public record Upload(int recorded, int duplicates) {
    }

    /** Writes offline decisions now; those already logged (same key) are counted, not written again. */
    public Upload recordOffline(List<LoggedDecision> offline) {
        Map<String, Document> byKey = new LinkedHashMap<>();
        for (LoggedDecision decision : offline) {
            if (!decision.offline()) {
                throw new IllegalArgumentException("only offline decisions are uploaded");
            }
            byKey.putIfAbsent(decision.offlineKey(), decision.toDocument());
        }
        Set<Object> known = new HashSet<>();
        if (!byKey.isEmpty()) {
            decisions.find(in("_id", byKey.keySet())).projection(new Document("_id", 1))
                    .forEach(document -> known.add(document.get("_id")));
        }
        List<Document> fresh = byKey.entrySet().stream()
                .filter(entry -> !known.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        int raced = 0;
        if (!fresh.isEmpty()) {
            try {
                decisions.insertMany(fresh, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                // Another upload of the same decisions got there between our read and our write.
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    raced++;
                }
            }
        }
        int recorded = fresh.size() - raced;
        written.increment(recorded);
        return new Upload(recorded, offline.size() - recorded);
    }

    /** Writes everything queued now, in batches; for shutdown, and for tests that read right after deciding. */
    public void flush() {
        synchronized (writing) {
            List<LoggedDecision> batch = new ArrayList<>(batchSize);
            while (queue.drainTo(batch, batchSize) > 0) {
                write(batch);
                batch.clear();
            }
        }
    }

    private void write(List<LoggedDecision> batch) {
        List<Document> documents = batch.stream().map(LoggedDecision::toDocument).toList();
        for (int attempt = 1; ; attempt++) {
            try {
                decisions.insertMany(documents, new InsertManyOptions().ordered(false));
                written.increment(documents.size());
                return;
            } catch (RuntimeException e) {
                if (attempt == MAX_ATTEMPTS) {
                    dropped.increment(documents.size());
                    log.error("dropped {} access decisions: the decision log could not write them", documents.size(),
                              e);
                    return;
                }
                log.warn("writing {} access decisions failed (attempt {} of {}), retrying", documents.size(), attempt,
                         MAX_ATTEMPTS, e);
                LockSupport.parkNanos(flushInterval.toNanos());
            }
        }
    }

    private void writeLoop() {
        while (running) {
            if (queue.size() < batchSize) {
                LockSupport.parkNanos(this, flushInterval.toNanos());
            }
            try {
                flush();
            } catch (RuntimeException e) {
                log.error("the decision log's writer failed; it goes on", e);
            }
        }
    }

    @Override
    public void start() {
        ensureIndexes();
        running = true;
        Thread thread = new Thread(this::writeLoop, "decision-log-writer");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    /** Stops the writer, then writes what is still queued: a clean shutdown loses nothing. */
    @Override
    public void stop() {
        running = false;
        Thread thread = writer;
        writer = null;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(SHUTDOWN_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    // ---------------------------------------------------------------- reading

    /**
     * The machine's decisions, newest first: of one member if {@code memberId} is given, between {@code from} and
     * {@code to} (inclusive) if given, at most {@code limit}. Decisions still queued are not seen yet.
     */
    public List<LoggedDecision> find(String machineId, String memberId, Instant from, Instant to, int limit) {
        List<Bson> filters = new ArrayList<>();
        filters.add(eq("machineId", machineId));
        if (memberId != null) {
            filters.add(eq("memberId", memberId));
        }
        if (from != null) {
            filters.add(gte("at", Date.from(from)));
        }
        if (to != null) {
            filters.add(lte("at", Date.from(to)));
        }
        return decisions.find(and(filters))
                .sort(Sorts.orderBy(Sorts.descending("at"), Sorts.descending("_id")))
                .limit(limit)
                .map(LoggedDecision::of)
                .into(new ArrayList<>());
    }

    /** The member's last decision on the machine at or before {@code at}, no older than {@code tolerance}. */
    public Optional<LoggedDecision> latestBefore(String machineId, String memberId, Instant at, Duration tolerance) {
        return find(machineId, memberId, at.minus(tolerance), at, 1).stream().findFirst();
    }

    /** How many decisions wait to be written. */
    int queued() {
        return queue.size();
    }
}
