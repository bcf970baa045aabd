package org.makerspace.api.access.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.testing.TestMongo;

/** The decision log's writing, through the real driver: batches, the flush on stop, a full queue, offline repeats. */
class DecisionLogWriterIntegrationTest {

    private static final Instant AT = Instant.parse("2026-03-02T10:15:30.123Z");

    private final MongoDatabase database = TestMongo.server().freshStorage("decision-log").database();
    private final MongoCollection<Document> stored = database.getCollection(DecisionLog.COLLECTION);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private DecisionLog log;

    @AfterEach
    void stop() {
        if (log != null && log.isRunning()) {
            log.stop();
        }
    }

    private DecisionLog log(Duration flushInterval, int batchSize, int capacity) {
        log = new DecisionLog(database, new DecisionLogProperties(flushInterval, batchSize, capacity,
                                                                  Duration.ofMinutes(5)), meters);
        return log;
    }

    private static LoggedDecision decision(int second) {
        return new LoggedDecision(AT.plusSeconds(second), "lab-1", "laser-1", "member-" + second, null, "granted",
                                  null, "s-" + second, "autonomous", "certification:c-1", false);
    }

    private static LoggedDecision offline(int second, String card) {
        return new LoggedDecision(AT.plusSeconds(second), "lab-1", "laser-1", null, card, "denied",
                                  "not_on_allowlist", null, null, null, true);
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
    }

    @Test
    void theWriterWritesQueuedDecisionsByItself() {
        log(Duration.ofMillis(50), 3, 100).start();

        for (int i = 0; i < 7; i++) {
            log.record(decision(i));
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> stored.countDocuments() == 7);
        assertThat(log.find("laser-1", null, null, null, 10)).extracting(LoggedDecision::memberId)
                .startsWith("member-6", "member-5").hasSize(7);
        assertThat(counter(DecisionLog.WRITTEN_METRIC)).isEqualTo(7);
    }

    @Test
    void stoppingWritesWhatIsStillQueued() {
        log(Duration.ofHours(1), 1000, 2000).start();
        for (int i = 0; i < 5; i++) {
            log.record(decision(i));
        }
        assertThat(stored.countDocuments()).isZero();

        log.stop();

        assertThat(stored.countDocuments()).isEqualTo(5);
        assertThat(log.find("laser-1", null, null, null, 10).get(4)).isEqualTo(decision(0));
    }

    @Test
    void aFullQueueDropsAndCountsNewDecisionsRatherThanBlocking() {
        log(Duration.ofHours(1), 1, 2);

        for (int i = 0; i < 5; i++) {
            log.record(decision(i));
        }
        log.flush();

        assertThat(counter(DecisionLog.DROPPED_METRIC)).isEqualTo(3);
        assertThat(stored.countDocuments()).isEqualTo(2);
    }

    @Test
    void anOfflineDecisionUploadedAgainIsNotStoredTwice() {
        log(Duration.ofHours(1), 10, 100);
        List<LoggedDecision> upload = List.of(offline(1, "cf2_" + "a".repeat(64)), offline(2, "cf2_" + "b".repeat(64)));

        DecisionLog.Upload first = log.recordOffline(upload);
        DecisionLog.Upload again = log.recordOffline(List.of(upload.get(1), offline(3, "cf2_" + "b".repeat(64)),
                                                             offline(3, "cf2_" + "b".repeat(64))));

        assertThat(first).isEqualTo(new DecisionLog.Upload(2, 0));
        assertThat(again).isEqualTo(new DecisionLog.Upload(1, 2));
        assertThat(stored.countDocuments()).isEqualTo(3);
        assertThat(stored.find().first()).containsEntry("offline", true).doesNotContainKey("memberId");
    }

    @Test
    void theMemberLastDecisionWithinTheToleranceExplainsAMoment() {
        log(Duration.ofHours(1), 10, 100);
        log.record(decision(0));
        log.record(new LoggedDecision(AT.plusSeconds(100), "lab-1", "laser-1", "member-0", null, "denied",
                                      "expired", null, null, null, false));
        log.flush();

        assertThat(log.latestBefore("laser-1", "member-0", AT.plusSeconds(99), Duration.ofMinutes(5)))
                .contains(decision(0));
        assertThat(log.latestBefore("laser-1", "member-0", AT.plusSeconds(400), Duration.ofMinutes(5)))
                .hasValueSatisfying(found -> assertThat(found.reason()).isEqualTo("expired"));
        assertThat(log.latestBefore("laser-1", "member-0", AT.plusSeconds(1000), Duration.ofMinutes(5))).isEmpty();
        assertThat(log.latestBefore("laser-1", "member-0", AT.minusSeconds(1), Duration.ofMinutes(5))).isEmpty();
    }
}
