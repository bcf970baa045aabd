package org.makerspace.api.testing;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What a database holds, for tests that compare it before and after something that should change nothing. */
public final class StoredCollections {

    /**
     * Changed without anything being recorded: who holds a processor's claim and where it stands, logins, and the
     * decision log, which is written in batches a moment after each answer.
     */
    public static final Set<String> CHANGING_BY_THEMSELVES = Set.of("processor_tokens", "access_tokens",
                                                                     "access_decisions");

    private StoredCollections() {
    }

    /** Every document of every collection but those named, as JSON sorted within each collection, by collection. */
    public static Map<String, List<String>> documents(MongoDatabase database, Set<String> notCompared) {
        Map<String, List<String>> documents = new TreeMap<>();
        for (String collection : database.listCollectionNames()) {
            if (!notCompared.contains(collection)) {
                List<String> json = new ArrayList<>();
                database.getCollection(collection).find().forEach(document -> json.add(document.toJson()));
                json.sort(null);
                documents.put(collection, json);
            }
        }
        return documents;
    }
}
