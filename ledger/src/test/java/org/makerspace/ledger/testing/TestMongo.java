package org.makerspace.ledger.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.makerspace.ledger.storage.DurabilityBarrier;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.storage.embedded.EmbeddedMongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;

/**
 * The MongoDB every storage test talks to, through the real driver: the server named by
 * {@code LEDGER_TEST_MONGODB_URI}, else Testcontainers' MongoDB (a one-node replica set) when a Docker engine is
 * present, else the embedded wire-protocol server on a file-backed store. The same test classes run against all
 * three; each test gets a database of its own.
 */
public final class TestMongo {

    public static final String URI_VARIABLE = "LEDGER_TEST_MONGODB_URI";
    private static final Logger log = LoggerFactory.getLogger(TestMongo.class);
    private static final AtomicInteger databases = new AtomicInteger();
    private static TestMongo shared;

    private final String connectionString;
    private final DurabilityBarrier durability;
    private final String kind;
    private final MongoClient client;

    private TestMongo(String connectionString, DurabilityBarrier durability, String kind) {
        this.connectionString = connectionString;
        this.durability = durability;
        this.kind = kind;
        this.client = MongoClients.create(connectionString);
    }

    /** The server of this test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized TestMongo server() {
        if (shared == null) {
            shared = start();
            log.info("Storage tests run against {} at {}", shared.kind, shared.connectionString);
        }
        return shared;
    }

    private static TestMongo start() {
        String uri = System.getenv(URI_VARIABLE);
        if (uri != null && !uri.isBlank()) {
            return new TestMongo(uri, DurabilityBarrier.WRITE_CONCERN, "the MongoDB of " + URI_VARIABLE);
        }
        if (dockerAvailable()) {
            MongoDBContainer container = new MongoDBContainer("mongo:7.0");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestMongo(container.getReplicaSetUrl(), DurabilityBarrier.WRITE_CONCERN,
                                 "Testcontainers' MongoDB");
        }
        Path directory = temporaryDirectory();
        EmbeddedMongoServer embedded = EmbeddedMongoServer.start(directory);
        // Not closed by a shutdown hook: application contexts still shutting down in other hooks would lose their
        // server mid-shutdown. The JVM is ending anyway; the throw-away store is deleted after every hook has run.
        directory.toFile().deleteOnExit();
        embedded.file().toFile().deleteOnExit();
        return new TestMongo(embedded.connectionString(), embedded.durability(), "the embedded MongoDB server");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("ledger-test-mongo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A database no other test uses, with the client and durability barrier of this server. */
    public LedgerStorage freshStorage(String purpose) {
        String name = purpose.replaceAll("[^A-Za-z0-9_]", "_") + "_" + databases.incrementAndGet();
        return new LedgerStorage(client, client.getDatabase(name), durability);
    }

    /** A second client to the same server whose commands a test can observe, for instance to count queries. */
    public MongoClient clientObservedBy(CommandListener listener) {
        return MongoClients.create(MongoClientSettings.builder()
                                           .applyConnectionString(new ConnectionString(connectionString))
                                           .addCommandListener(listener)
                                           .build());
    }

    public String connectionString() {
        return connectionString;
    }

    public DurabilityBarrier durability() {
        return durability;
    }

    public boolean isEmbedded() {
        return kind.contains("embedded");
    }
}
