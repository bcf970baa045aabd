package org.makerspace.projections.support;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.makerspace.ledger.storage.LedgerStorage;

/**
 * One read-model collection of rows of one type, each stored under the id the row derives from the events.
 *
 * <p>Writes are upserts by {@code _id}, so writing a row twice leaves one document: the basis of idempotent
 * projections. No write waits for the durability barrier: a projection's writes precede its token update, and any
 * flush that makes the token durable makes them durable too, so a crash at worst replays events onto rows that are
 * already written.
 */
public final class RowCollection<T> {

    private final MongoCollection<Document> collection;
    private final RowMapper mapper;
    private final Class<T> type;
    private final Function<T, String> idOf;

    public RowCollection(LedgerStorage storage, String name, Class<T> type, Function<T, String> idOf) {
        this.collection = storage.database().getCollection(name);
        this.mapper = new RowMapper();
        this.type = type;
        this.idOf = idOf;
    }

    public String name() {
        return collection.getNamespace().getCollectionName();
    }

    /** A point lookup on {@code _id}. */
    public Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(document -> mapper.toRow(document, type));
    }

    /** Inserts the row, or replaces the document of the same id. */
    public void save(T row) {
        String id = idOf.apply(row);
        collection.replaceOne(eq("_id", id), mapper.toDocument(id, row), new ReplaceOptions().upsert(true));
    }

    /** Every row: a full scan, for startup and for rare events only. */
    public List<T> findAll() {
        List<T> rows = new ArrayList<>();
        for (Document document : collection.find()) {
            rows.add(mapper.toRow(document, type));
        }
        return rows;
    }

    /** Removes every row, for a replay from the start. */
    public void clear() {
        collection.drop();
    }
}
