package org.makerspace.api.recognition.status;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.makerspace.ledger.storage.LedgerStorage;

/**
 * When each followed credential's status was last read from its issuer, in {@code partner_status_readings}: what the
 * grace period of an unreachable issuer counts from, kept across restarts. Not a fact worth an event every refresh;
 * lost (a restore), it falls back to what the ledger knows, which can only shorten the grace.
 */
final class LastReadings {

    static final String COLLECTION = "partner_status_readings";

    private final MongoCollection<Document> readings;

    LastReadings(LedgerStorage storage) {
        this.readings = storage.database().getCollection(COLLECTION);
    }

    Optional<Instant> of(String memberId, String credentialId) {
        Document reading = readings.find(eq("_id", key(memberId, credentialId))).first();
        return reading == null ? Optional.empty() : Optional.of(reading.getDate("readAt").toInstant());
    }

    void read(String memberId, String credentialId, Instant at) {
        readings.replaceOne(eq("_id", key(memberId, credentialId)),
                            new Document("_id", key(memberId, credentialId)).append("readAt", Date.from(at)),
                            new ReplaceOptions().upsert(true));
    }

    private static String key(String memberId, String credentialId) {
        return memberId + "|" + credentialId;
    }
}
