package org.makerspace.benchmarks;

import java.nio.file.Path;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How the latency of the hot-path operations behaves as the ledger grows from 10,000 to 1,000,000 events:
 * appending a command's events, loading a 20-event aggregate, and a processor reading the newest events.
 * The store is filled once per size and reused across runs (under {@code target/bench-data}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class LatencyAtScaleBenchmark {

    @Param({"mongo-embedded", "jdbc-h2"})
    public String store;

    @Param({"10000", "1000000"})
    public int events;

    private BenchmarkStore opened;
    private final AtomicLong nextAggregate = new AtomicLong();
    private long fillAggregates;
    private TrackingToken hundredBeforeHead;

    @Setup(Level.Trial)
    public void open() throws Exception {
        Path directory = Path.of("target", "bench-data", store + "-" + events);
        boolean filled = java.nio.file.Files.exists(directory.resolve("filled"));
        opened = BenchmarkStore.open(store, directory);
        fillAggregates = events / 20;
        if (!filled) {
            SampleEvents.fill(opened.engine(), "member-", events, 20, 20);
            java.nio.file.Files.writeString(directory.resolve("filled"), "yes");
        }
        nextAggregate.set(System.nanoTime());
        long head = ((GapAwareTrackingToken) opened.engine().createHeadToken()).getIndex();
        hundredBeforeHead = GapAwareTrackingToken.newInstance(head - 100, List.of());
    }

    @TearDown(Level.Trial)
    public void close() {
        opened.close();
    }

    @Benchmark
    public void appendOneCommand() {
        opened.engine().appendEvents(SampleEvents.commit("new-" + nextAggregate.incrementAndGet(), 0, 1));
    }

    /** A processor catching up on the last hundred events of the filled ledger. */
    @Benchmark
    public long streamHundredNewestEvents() {
        return opened.engine().readEvents(hundredBeforeHead, false).limit(100).count();
    }

    @Benchmark
    public long loadTwentyEventAggregate() {
        long aggregate = Math.floorMod(nextAggregate.incrementAndGet() * 7919, fillAggregates);
        return opened.engine().readEvents("member-" + aggregate).asStream().count();
    }
}
