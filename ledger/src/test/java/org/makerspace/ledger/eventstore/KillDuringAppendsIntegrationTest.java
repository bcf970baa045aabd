package org.makerspace.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.makerspace.ledger.storage.embedded.EmbeddedMongoServer;
import org.makerspace.ledger.testing.TestMongo;

/**
 * An acknowledged append survives {@code kill -9}: a child JVM appends on the embedded server and reports each
 * acknowledgement; the test kills it with SIGKILL mid-stream, reopens the same data directory and finds every
 * acknowledged event. (A real MongoDB's durability is its journal's business, so this runs on the embedded server.)
 */
class KillDuringAppendsIntegrationTest {

    private static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 400;

    @Test
    void everyAcknowledgedAppendIsStillThereAfterKillNine(@TempDir Path dataDirectory) throws Exception {
        assumeTrue(TestMongo.server().isEmbedded() || System.getenv(TestMongo.URI_VARIABLE) == null,
                   "durability of an external MongoDB is its journal's business");
        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                                           "-Dlogback.configurationFile=none",
                                           AppendUntilKilled.class.getName(), dataDirectory.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<String, Long> acknowledged = new HashMap<>();
        int acknowledgements = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledgements < ACKNOWLEDGEMENTS_BEFORE_KILL && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    acknowledged.merge(parts[1], Long.parseLong(parts[2]), Math::max);
                    acknowledgements++;
                }
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no final commit
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledgements).isEqualTo(ACKNOWLEDGEMENTS_BEFORE_KILL);
        assertThat(Files.exists(dataDirectory.resolve("ledger.mv.db"))).isTrue();

        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                    .database(client.getDatabase("ledger"))
                    .durability(reopened.durability())
                    .build();
            acknowledged.forEach((aggregateId, lastAcknowledged) -> {
                long stored = engine.readEvents(aggregateId).asStream()
                        .mapToLong(DomainEventMessage::getSequenceNumber).max().orElse(-1);
                assertThat(stored).as("last stored event of %s", aggregateId).isGreaterThanOrEqualTo(lastAcknowledged);
            });
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
