package org.makerspace.api.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.makerspace.ledger.storage.DurabilityBarrier;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.storage.embedded.EmbeddedMongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects the application to MongoDB: the configured one, or an embedded server started in this process. Nothing
 * outside this class knows which; storage code receives a {@link LedgerStorage}.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    DataDirectory dataDirectory(LedgerProperties properties) {
        return new DataDirectory(properties.dataDir());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${ledger.mongodb.uri:}'.isBlank()")
    EmbeddedMongoServer embeddedMongoServer(DataDirectory dataDirectory) {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory.root());
        log.warn("Storage: EMBEDDED MongoDB server (no ledger.mongodb.uri configured), data in {}. "
                         + "Fine for a single lab and for trying things out; production runs on a MongoDB replica set.",
                 server.file());
        return server;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(LedgerProperties properties, ObjectProvider<EmbeddedMongoServer> embedded) {
        if (properties.mongodb().embedded()) {
            return MongoClients.create(embedded.getObject().connectionString());
        }
        ConnectionString uri = new ConnectionString(properties.mongodb().uri());
        log.info("Storage: MongoDB at {} (database {})", uri.getHosts(), properties.mongodb().database());
        return MongoClients.create(MongoClientSettings.builder()
                                           .applyConnectionString(uri)
                                           .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                                           .build());
    }

    @Bean
    LedgerStorage ledgerStorage(MongoClient client, LedgerProperties properties,
                                ObjectProvider<EmbeddedMongoServer> embedded) {
        DurabilityBarrier durability = properties.mongodb().embedded()
                ? embedded.getObject().durability()
                : DurabilityBarrier.WRITE_CONCERN;
        return new LedgerStorage(client, client.getDatabase(properties.mongodb().database()), durability);
    }
}
