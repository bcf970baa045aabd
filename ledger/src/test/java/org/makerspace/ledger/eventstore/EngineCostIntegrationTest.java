package org.makerspace.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.testing.TestMongo;

/**
 * The cost of every ledger operation must not grow with the ledger. Wall time would be a flaky proxy; instead this
 * counts the commands each operation sends and checks that every query is a lookup on a unique key, which both the
 * real MongoDB and the embedded server answer from an index.
 */
class EngineCostIntegrationTest {

    private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();
    private final MongoClient observed = TestMongo.server().clientObservedBy(new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            commands.add(event.getCommand().clone());
        }
    });

    @AfterEach
    void close() {
        observed.close();
    }

    @Test
    void appendLoadAndStreamCostTheSameQueriesInASmallAndALargeLedger() {
        LedgerStorage template = TestMongo.server().freshStorage("cost");
        MongoEventStorageEngine engine = engineOn(new LedgerStorage(observed, observed.getDatabase(template.database().getName()),
                                                                    template.durability()));

        grow(engine, 0, 100);
        Cost small = measure(engine, "member-watched-small");
        grow(engine, 100, 3_000);
        Cost large = measure(engine, "member-watched-large");

        assertThat(large).isEqualTo(small);
        assertThat(small.append()).isEqualTo(2); // one position allocation, one insert
    }

    @Test
    void everyQueryOfTheEngineIsALookupOnAUniqueKey() {
        LedgerStorage template = TestMongo.server().freshStorage("shapes");
        MongoEventStorageEngine engine = engineOn(new LedgerStorage(observed, observed.getDatabase(template.database().getName()),
                                                                    template.durability()));
        grow(engine, 0, 50);
        commands.clear();

        measure(engine, "member-shapes");
        engine.storeSnapshot(MongoEventStorageEngineIntegrationTest.event("member-shapes", 9));
        engine.readSnapshot("member-shapes");

        List<BsonDocument> queries = commands.stream()
                .filter(c -> c.containsKey("find") || c.containsKey("findAndModify") || c.containsKey("update"))
                .toList();
        assertThat(queries).isNotEmpty().allSatisfy(command -> {
            BsonDocument filter = filterOf(command);
            assertThat(filter.keySet()).hasSize(1).first().isIn("_id", "gp");
            assertThat(command.containsKey("sort")).as("no server-side sort in %s", command).isFalse();
        });
    }

    private static BsonDocument filterOf(BsonDocument command) {
        if (command.containsKey("find")) {
            return command.getDocument("filter");
        }
        if (command.containsKey("findAndModify")) {
            return command.getDocument("query");
        }
        return command.getArray("updates").get(0).asDocument().getDocument("q");
    }

    private static MongoEventStorageEngine engineOn(LedgerStorage storage) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .database(storage.database())
                .durability(storage.durability())
                .batchSize(100)
                .clock(Clock.systemUTC())
                .build();
        engine.ensureSchema();
        return engine;
    }

    private static void grow(MongoEventStorageEngine engine, int from, int to) {
        for (int i = from; i < to; i++) {
            engine.appendEvents(MongoEventStorageEngineIntegrationTest.commit("member-" + (i % 50), i / 50, 1));
        }
    }

    /** Counts the commands of: one append, loading a 30-event aggregate, and streaming one batch from a token. */
    private Cost measure(MongoEventStorageEngine engine, String aggregateId) {
        for (int i = 0; i < 29; i++) {
            engine.appendEvents(MongoEventStorageEngineIntegrationTest.commit(aggregateId, i, 1));
        }
        TrackingToken beforeLast = engine.createHeadToken();
        commands.clear();
        engine.appendEvents(MongoEventStorageEngineIntegrationTest.commit(aggregateId, 29, 1));
        int append = countQueries();

        commands.clear();
        assertThat(engine.readEvents(aggregateId).asStream().count()).isEqualTo(30);
        int load = countQueries();

        commands.clear();
        List<? extends TrackedEventMessage<?>> tail = engine.readEvents(beforeLast, false).toList();
        assertThat(tail).hasSize(1);
        int stream = countQueries();
        return new Cost(append, load, stream);
    }

    private int countQueries() {
        return (int) commands.stream().filter(c -> !c.containsKey("endSessions")).count();
    }

    record Cost(int append, int load, int stream) {
    }
}
