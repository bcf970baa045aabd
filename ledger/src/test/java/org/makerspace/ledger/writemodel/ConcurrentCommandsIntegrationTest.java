package org.makerspace.ledger.writemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.achievement.AchievementWriteModel;
import org.makerspace.ledger.achievement.UploadedImages;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.eventstore.MongoEventStorageEngine;
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
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.testing.TestMongo;

/**
 * The write model on the real engine, with commands from many threads at once: every command is recorded exactly
 * once, on hot and on distinct aggregates, through snapshots.
 */
class ConcurrentCommandsIntegrationTest {

    private static final LabId LAB = LabId.of("fablab-lyon");
    private static final TrainerId TRAINER = TrainerId.of("trainer-7");
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    private Configuration axon;
    private MongoEventStorageEngine engine;

    @BeforeEach
    void start() {
        LedgerStorage storage = TestMongo.server().freshStorage("concurrent_commands");
        engine = MongoEventStorageEngine.builder()
                .database(storage.database())
                .durability(storage.durability())
                .build();
        engine.ensureSchema();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> engine)
                .registerComponent(LabRules.class, c -> EventSourcedLabRules.readingFrom(c.eventStore()))
                .registerComponent(LabIssuerIds.class, c -> lab -> "https://badges.example/ob3/issuers/" + lab)
                // No image is uploaded here: the achievement's handlers only need the store to exist.
                .registerComponent(UploadedImages.class, c -> image -> false)
                .configureAggregate(LabWriteModel.aggregate())
                .configureAggregate(MemberWriteModel.aggregate().configureSnapshotTrigger(
                        c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), 10)))
                .configureAggregate(AchievementWriteModel.aggregate())
                .buildConfiguration();
        axon.start();
        axon.commandGateway().sendAndWait(new RegisterLab(LAB, "Fablab Lyon", "https://fablab-lyon.example", null));
        axon.commandGateway().sendAndWait(new RegisterTrainer(LAB, TRAINER));
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void recordsEveryCommandOnceWhenThreadsShareAFewMembers() throws Exception {
        int members = 3;
        int threads = 6;
        int perThread = 25;
        for (int m = 0; m < members; m++) {
            axon.commandGateway().sendAndWait(new RegisterMember(MemberId.of("member-" + m), LAB, AT));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit((Callable<Void>) () -> {
                for (int i = 0; i < perThread; i++) {
                    String member = "member-" + ((thread + i) % members);
                    axon.commandGateway().sendAndWait(new RecordTrainingCompletion(
                            MemberId.of(member), TrainingId.of("t-" + thread + "-" + i), LAB, "laser-basics",
                            BigDecimal.ONE, TRAINER, AT.plusSeconds(i)));
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        long recorded = 0;
        for (int m = 0; m < members; m++) {
            recorded += engine.readEvents("member-" + m).asStream().count() - 1; // minus the registration
        }
        assertThat(recorded).isEqualTo((long) threads * perThread);
        assertThat(engine.readSnapshot("member-0"))
                .as("a member past the snapshot threshold is loaded from a snapshot")
                .hasValueSatisfying(snapshot -> assertThat(snapshot.getSequenceNumber()).isGreaterThanOrEqualTo(10));
        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(new RecordTrainingCompletion(
                MemberId.of("member-0"), TrainingId.of("t-0-0"), LAB, "laser-basics", BigDecimal.ONE, TRAINER, AT)))
                .as("the state restored from the snapshot still knows the first training")
                .isInstanceOf(DomainRefusal.class);
    }
}
