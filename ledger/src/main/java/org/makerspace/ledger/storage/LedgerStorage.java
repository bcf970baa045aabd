package org.makerspace.ledger.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.util.Objects;

/**
 * The MongoDB database the ledger and its read models live in, with the barrier that makes acknowledged writes
 * durable. Storage code receives this and nothing that tells which server it talks to.
 */
public record LedgerStorage(MongoClient client, MongoDatabase database, DurabilityBarrier durability) {

    public LedgerStorage {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(durability, "durability");
    }
}
