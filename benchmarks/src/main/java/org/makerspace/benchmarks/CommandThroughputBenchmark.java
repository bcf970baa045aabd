package org.makerspace.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.makerspace.ledger.achievement.AchievementWriteModel;
import org.makerspace.ledger.achievement.UploadedImages;
import org.makerspace.ledger.lab.EventSourcedLabRules;
import org.makerspace.ledger.lab.LabIssuerIds;
import org.makerspace.ledger.lab.LabRules;
import org.makerspace.ledger.lab.LabWriteModel;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.RegisterLab;
import org.makerspace.ledger.lab.api.RegisterTrainer;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.member.MemberWriteModel;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.RecordTrainingCompletion;
import org.makerspace.ledger.member.api.RegisterMember;
import org.makerspace.ledger.member.api.TrainingId;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Commands per second through Axon's command bus to the real aggregates, on distinct members (the normal case: many
 * trainers, many learners) and on one hot member (every thread records on the same learner), with four threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(4)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class CommandThroughputBenchmark {

    private static final int MEMBERS = 1_000;
    private static final LabId LAB = LabId.of("fablab-lyon");
    private static final TrainerId TRAINER = TrainerId.of("trainer-7");
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    @Param({"mongo-embedded", "jdbc-h2"})
    public String store;

    private BenchmarkStore opened;
    private Configuration axon;
    private CommandGateway commands;
    private final AtomicLong next = new AtomicLong();

    @Setup(Level.Trial)
    public void start() {
        opened = BenchmarkStore.open(store, BenchmarkStore.freshDirectory("commands"));
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> opened.engine())
                .registerComponent(LabRules.class, c -> EventSourcedLabRules.readingFrom(c.eventStore()))
                .registerComponent(LabIssuerIds.class, c -> lab -> "https://badges.example/ob3/issuers/" + lab)
                // No image is uploaded here: the achievement's handlers only need the store to exist.
                .registerComponent(UploadedImages.class, c -> image -> false)
                .configureAggregate(LabWriteModel.aggregate())
                .configureAggregate(MemberWriteModel.aggregate().configureSnapshotTrigger(
                        c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), 50)))
                .configureAggregate(AchievementWriteModel.aggregate())
                .buildConfiguration();
        axon.start();
        commands = axon.commandGateway();
        commands.sendAndWait(new RegisterLab(LAB, "Fablab Lyon", "https://fablab-lyon.example", null));
        commands.sendAndWait(new RegisterTrainer(LAB, TRAINER));
        for (int m = 0; m < MEMBERS; m++) {
            commands.sendAndWait(new RegisterMember(MemberId.of("member-" + m), LAB, AT));
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        axon.shutdown();
        opened.close();
    }

    private RecordTrainingCompletion trainingOf(String member) {
        long n = next.incrementAndGet();
        return new RecordTrainingCompletion(MemberId.of(member), TrainingId.of("t-" + n), LAB, "laser-basics",
                                            new BigDecimal("2"), TRAINER, AT.plusSeconds(n));
    }

    @Benchmark
    public Object distinctMembers() {
        return commands.sendAndWait(trainingOf("member-" + Math.floorMod(next.get() * 7919, MEMBERS)));
    }

    @Benchmark
    public Object oneHotMember() {
        return commands.sendAndWait(trainingOf("member-0"));
    }
}
