package org.makerspace.ledger.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.makerspace.ledger.storage.embedded.EmbeddedMongoServer;

/**
 * A child process for {@link KillDuringAppendsIntegrationTest}: appends on the embedded server from several threads
 * and prints {@code ACK <aggregate> <sequence>} for every append the moment it is acknowledged, until killed.
 */
public final class AppendUntilKilled {

    private AppendUntilKilled() {
    }

    public static void main(String[] args) {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(Path.of(args[0]));
        MongoClient client = MongoClients.create(server.connectionString());
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .database(client.getDatabase("ledger"))
                .durability(server.durability())
                .build();
        engine.ensureSchema();
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        for (int w = 0; w < writers; w++) {
            String aggregateId = "member-" + w;
            pool.submit(() -> {
                for (long sequence = 0; ; sequence++) {
                    engine.appendEvents(MongoEventStorageEngineIntegrationTest.commit(aggregateId, sequence, 1));
                    synchronized (System.out) {
                        System.out.println("ACK " + aggregateId + " " + sequence);
                        System.out.flush();
                    }
                }
            });
        }
    }
}
