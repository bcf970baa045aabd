package org.makerspace.ledger.storage;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.makerspace.ledger.storage.embedded.EmbeddedMongoServer;

/**
 * A child process for {@link TokensAfterEffectsKillIntegrationTest}: four "processors" on the embedded server, each
 * writing an effect document then storing its token at that position, while a third thread saves the store to disk
 * over and over (as the store's own background writer and other writers' group commits do), until killed. Two
 * processors' effects collections were created before the tokens collection, two after, so that whichever order
 * the store saves collections in, some have its token saved in a pass that its effect missed. With
 * {@code durable}, tokens go through {@link DurableTokenStore}.
 */
public final class WriteEffectsThenTokensUntilKilled {

    static final String DATABASE = "ledger";
    static final String TOKENS = "tokens";
    static final List<String> BEFORE_TOKENS = List.of("effects-before-1", "effects-before-2");
    static final List<String> AFTER_TOKENS = List.of("effects-after-1", "effects-after-2");
    static final List<String> PROCESSORS = List.of(BEFORE_TOKENS.get(0), BEFORE_TOKENS.get(1), AFTER_TOKENS.get(0),
                                                   AFTER_TOKENS.get(1));

    private WriteEffectsThenTokensUntilKilled() {
    }

    public static void main(String[] args) {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(Path.of(args[0]));
        boolean durable = Boolean.parseBoolean(args[1]);
        MongoClient client = MongoClients.create(server.connectionString());
        MongoDatabase database = client.getDatabase(DATABASE);
        BEFORE_TOKENS.forEach(name -> database.getCollection(name).insertOne(new Document("_id", 0L)));
        database.getCollection(TOKENS).insertOne(new Document("_id", "created"));
        AFTER_TOKENS.forEach(name -> database.getCollection(name).insertOne(new Document("_id", 0L)));
        TokenStore plain = new CollectionTokens(database.getCollection(TOKENS));
        TokenStore tokens = durable ? new DurableTokenStore(plain, server.durability()) : plain;

        Thread saver = new Thread(() -> {
            while (true) {
                server.durability().awaitDurable();
            }
        });
        saver.setDaemon(true);
        saver.start();
        for (String processor : PROCESSORS) {
            MongoCollection<Document> effects = database.getCollection(processor);
            new Thread(() -> {
                for (long position = 1; ; position++) {
                    effects.insertOne(new Document("_id", position));
                    tokens.storeToken(new GlobalSequenceTrackingToken(position), processor, 0);
                    if (position % 100 == 0) {
                        synchronized (System.out) {
                            System.out.println("TOKEN " + processor + " " + position);
                            System.out.flush();
                        }
                    }
                }
            }).start();
        }
    }

    /** The smallest token store: one document per processor and segment holding the position. */
    static final class CollectionTokens implements TokenStore {

        private final MongoCollection<Document> tokens;

        CollectionTokens(MongoCollection<Document> tokens) {
            this.tokens = tokens;
        }

        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            tokens.replaceOne(eq("_id", processorName + "/" + segment),
                              new Document("_id", processorName + "/" + segment)
                                      .append("position", token.position().orElseThrow()),
                              new ReplaceOptions().upsert(true));
        }

        @Override
        public TrackingToken fetchToken(String processorName, int segment) {
            Document stored = tokens.find(eq("_id", processorName + "/" + segment)).first();
            return stored == null ? null : new GlobalSequenceTrackingToken(stored.getLong("position"));
        }

        @Override
        public void releaseClaim(String processorName, int segment) {
        }

        @Override
        public int[] fetchSegments(String processorName) {
            return new int[] {0};
        }
    }
}
