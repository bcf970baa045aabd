package org.makerspace.ledger.storage.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.makerspace.ledger.storage.DurabilityBarrier;
import org.makerspace.ledger.storage.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server) on loopback, storing its data in one H2 MVStore
 * file so that it survives restarts. Used when no MongoDB URI is configured: a lab can start the application with
 * nothing else installed.
 *
 * <p>Everything that is specific to this server lives here: starting, stopping, and flushing the store before an
 * append is acknowledged. The store saves only when told: {@link #durability()} saves before a write is acknowledged
 * (a group commit), and a background save runs every {@value #BACKGROUND_SAVE_MILLIS} ms for the rest. Each save
 * holds whole commands only ({@link WholeCommands}): a store saved halfway through a command is damaged after a
 * crash.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    /** How often what no barrier made durable (read models, before their tokens) is saved anyway. */
    static final long BACKGROUND_SAVE_MILLIS = 1000;
    private static final String STORE_FILE = "ledger.mv.db";

    private final MVStore store;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final GroupCommit durability;
    private final WholeCommands commands;
    private final ScheduledExecutorService backgroundSaves;
    private final Path file;

    private EmbeddedMongoServer(Path file) {
        this.file = file;
        // No save of the store's own: one could come halfway through a command.
        this.store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        this.commands = new WholeCommands(new H2Backend(store));
        this.server = new MongoServer(commands);
        server.bind("127.0.0.1", 0);
        this.address = server.getLocalAddress();
        this.durability = new GroupCommit(this::flushToDisk);
        this.backgroundSaves = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-store-save");
            thread.setDaemon(true);
            return thread;
        });
        backgroundSaves.scheduleWithFixedDelay(this::saveInBackground, BACKGROUND_SAVE_MILLIS, BACKGROUND_SAVE_MILLIS,
                                               TimeUnit.MILLISECONDS);
    }

    /**
     * Opens (or creates) the store under {@code dataDirectory} and listens on a free loopback port. What it creates
     * is its owner's alone ({@link OwnerOnlyFiles}): the store holds every member's personal data and account.
     */
    public static EmbeddedMongoServer start(Path dataDirectory) {
        Path file = dataDirectory.resolve(STORE_FILE).toAbsolutePath();
        try {
            OwnerOnlyFiles.createDirectories(dataDirectory);
            // The store would create its file with the process's umask (readable by everyone, usually); created empty
            // here, owner-only, it is opened as a new store.
            OwnerOnlyFiles.createFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDirectory + " or its store", e);
        }
        EmbeddedMongoServer server = new EmbeddedMongoServer(file);
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
        commands.whole(store::commit);
        store.sync();
    }

    private void saveInBackground() {
        try {
            durability.awaitDurable();
        } catch (RuntimeException e) {
            if (!store.isClosed()) {
                log.warn("Background save of the embedded store failed; the next one tries again", e);
            }
        }
    }

    /** Stops listening and closes the store (the backend closes it), which commits whatever is still in memory. */
    @Override
    public void close() {
        backgroundSaves.shutdownNow();
        server.shutdownNow();
        log.info("Embedded MongoDB server stopped; data kept in {}", file);
    }
}
