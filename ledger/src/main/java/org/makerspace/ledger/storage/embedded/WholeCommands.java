package org.makerspace.ledger.storage.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The H2 backend, with every command run whole between two saves of the store.
 *
 * <p>The backend keeps each collection in several maps of one MVStore (documents, the {@code _id} index, unique
 * indexes), and a save writes the maps one after the other. A save taken while a command runs can therefore hold
 * half of it: a document without its index entry, or an index entry without its document. After a crash such a store
 * answers "document already existed" to an upsert of that id for good, and a processor stopped there (a crash test found
 * one). Commands take this lock shared, a save takes it exclusively ({@link #whole}), so every save holds whole
 * commands only.
 */
final class WholeCommands implements MongoBackend {

    private final MongoBackend backend;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    WholeCommands(MongoBackend backend) {
        this.backend = backend;
    }

    /** Runs {@code save} while no command runs. */
    void whole(Runnable save) {
        Lock exclusive = lock.writeLock();
        exclusive.lock();
        try {
            save.run();
        } finally {
            exclusive.unlock();
        }
    }

    private <T> T command(Supplier<T> command) {
        Lock shared = lock.readLock();
        shared.lock();
        try {
            return command.get();
        } finally {
            shared.unlock();
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return command(() -> backend.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return command(() -> backend.handleQuery(query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return command(() -> backend.handleMessage(message));
    }

    @Override
    public void dropDatabase(String database) {
        command(() -> {
            backend.dropDatabase(database);
            return null;
        });
    }

    @Override
    public void handleClose(Channel channel) {
        backend.handleClose(channel);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return backend.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return backend.getServerStatus();
    }

    @Override
    public void close() {
        whole(backend::close);
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        command(() -> {
            backend.closeCursors(cursorIds);
            return null;
        });
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return command(() -> backend.resolveDatabase(database));
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }
}
