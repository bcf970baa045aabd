package org.makerspace.ledger.storage.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.makerspace.ledger.storage.DurabilityBarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server) on loopback, storing its data in one H2 MVStore
 * file so that it survives restarts. Used when no MongoDB URI is configured: a lab can start the application with
 * nothing else installed.
 *
 * <p>Everything that is specific to this server lives here: starting, stopping, and flushing the store before an
 * append is acknowledged. The H2 backend only commits to disk about once a second on its own, which loses
 * acknowledged writes on a crash; {@link #durability()} closes that window with a group commit.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MVStore store;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final GroupCommit durability;
    private final Path file;

    private EmbeddedMongoServer(Path file) {
        this.file = file;
        this.store = new MVStore.Builder().fileName(file.toString()).open();
        H2Backend backend = new H2Backend(store);
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        this.address = server.getLocalAddress();
        this.durability = new GroupCommit(this::flushToDisk);
    }

    /** Opens (or creates) the store under {@code dataDirectory} and listens on a free loopback port. */
    public static EmbeddedMongoServer start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDirectory, e);
        }
        EmbeddedMongoServer server = new EmbeddedMongoServer(dataDirectory.resolve("ledger.mv.db").toAbsolutePath());
        log.info("Embedded MongoDB server listening on {} with its data in {}", server.connectionString(), server.file);
        return server;
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public Path file() {
        return file;
    }

    /** The barrier storage code calls after a write, before acknowledging it. */
    public DurabilityBarrier durability() {
        return durability;
    }

    private void flushToDisk() {
        store.commit();
        store.sync();
    }

    /** Stops listening and closes the store (the backend closes it), which commits whatever is still in memory. */
    @Override
    public void close() {
        server.shutdownNow();
        log.info("Embedded MongoDB server stopped; data kept in {}", file);
    }
}
