package org.makerspace.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Events per second a processor replaying the ledger from the start reads (and deserialises). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class ReplayBenchmark {

    static final int EVENTS = 20_000;

    @Param({"mongo-embedded", "jdbc-h2"})
    public String store;

    private BenchmarkStore opened;

    @Setup(Level.Trial)
    public void fill() {
        opened = BenchmarkStore.open(store, BenchmarkStore.freshDirectory("replay"));
        SampleEvents.fill(opened.engine(), "member-", EVENTS, 40, 4);
    }

    @TearDown(Level.Trial)
    public void close() {
        opened.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long replayEveryEvent() {
        return opened.engine().readEvents(null, false)
                .mapToLong(event -> event.getPayload().hashCode())
                .sum();
    }
}
