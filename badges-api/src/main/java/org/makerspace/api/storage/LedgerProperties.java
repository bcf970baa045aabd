package org.makerspace.api.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how the ledger is stored.
 *
 * @param mongodb           the MongoDB to use; none means the embedded server
 * @param dataDir           where the embedded server keeps its file and the lab's generated secrets, readable by
 *                          their owner only ({@link DataDirectory})
 * @param snapshotThreshold events after which an aggregate is snapshotted
 * @param aggregateCacheSize aggregates kept in memory between commands (least recently used ones leave first)
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(@DefaultValue Mongodb mongodb,
                               @DefaultValue("./data") Path dataDir,
                               @DefaultValue("50") int snapshotThreshold,
                               @DefaultValue("10000") int aggregateCacheSize) {

    /**
     * @param uri      a MongoDB connection string (production: a replica set); blank starts the embedded server
     * @param database the database name
     */
    public record Mongodb(String uri, @DefaultValue("makerspace_ledger") String database) {

        public boolean embedded() {
            return uri == null || uri.isBlank();
        }
    }
}
