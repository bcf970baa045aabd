package org.makerspace.projections.support;

import com.mongodb.client.MongoClient;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bson.BsonDocument;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.testing.TestMongo;

/**
 * A fresh database reached through a client whose commands the test sees, to check that hot paths read by
 * {@code _id} only, or do not reach the database at all.
 */
public final class ObservedStorage implements CommandListener, AutoCloseable {

    private final List<BsonDocument> commands = Collections.synchronizedList(new ArrayList<>());
    private final MongoClient client;
    private final LedgerStorage storage;

    private ObservedStorage(String purpose) {
        LedgerStorage fresh = TestMongo.server().freshStorage(purpose);
        this.client = TestMongo.server().clientObservedBy(this);
        this.storage = new LedgerStorage(client, client.getDatabase(fresh.database().getName()), fresh.durability());
    }

    public static ObservedStorage open(String purpose) {
        return new ObservedStorage(purpose);
    }

    public LedgerStorage storage() {
        return storage;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        commands.add(event.getCommand().clone());
    }

    /** Forgets the commands seen so far. */
    public void reset() {
        commands.clear();
    }

    /** The commands sent since the last reset, except the driver's own handshakes and heartbeats. */
    public List<BsonDocument> commands() {
        synchronized (commands) {
            return commands.stream().filter(command -> !isDriverChatter(command)).toList();
        }
    }

    /** The reads sent since the last reset. */
    public List<BsonDocument> reads() {
        return commands().stream()
                .filter(command -> command.containsKey("find") || command.containsKey("aggregate")
                        || command.containsKey("count") || command.containsKey("distinct"))
                .toList();
    }

    /** Whether a read is a find whose filter is exactly one {@code _id} equal to a plain value. */
    public static boolean isPointLookupOnId(BsonDocument read) {
        if (!read.containsKey("find")) {
            return false;
        }
        BsonDocument filter = read.getDocument("filter", new BsonDocument());
        return filter.keySet().equals(java.util.Set.of("_id")) && !filter.get("_id").isDocument();
    }

    private static boolean isDriverChatter(BsonDocument command) {
        String name = command.getFirstKey();
        return name.equalsIgnoreCase("hello") || name.equalsIgnoreCase("ismaster") || name.equals("endSessions")
                || name.equals("ping") || name.equals("buildInfo");
    }

    @Override
    public void close() {
        client.close();
    }
}
