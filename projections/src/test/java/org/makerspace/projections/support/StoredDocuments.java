package org.makerspace.projections.support;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/** Reads back what read models stored, collection by collection, for tests that compare whole states. */
public final class StoredDocuments {

    private StoredDocuments() {
    }

    /** Every document of every collection except the event store's, each collection in {@code _id} order. */
    public static Map<String, List<Document>> readModels(MongoDatabase database) {
        Map<String, List<Document>> contents = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (!name.startsWith("event_")) {
                contents.put(name, of(database, name));
            }
        }
        return contents;
    }

    public static List<Document> of(MongoDatabase database, String collection) {
        return database.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
