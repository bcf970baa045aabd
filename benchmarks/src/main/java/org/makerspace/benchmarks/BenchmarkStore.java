package org.makerspace.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.AbstractEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.json.JacksonSerializer;
import org.makerspace.ledger.common.LedgerJson;
import org.makerspace.ledger.eventstore.MongoEventStorageEngine;
import org.makerspace.ledger.storage.embedded.EmbeddedMongoServer;

/**
 * The two event stores compared in every benchmark run: ours on the embedded MongoDB server, and Axon's JDBC engine
 * on an embedded H2 file as a reference point on the same machine, in the same run.
 */
public sealed interface BenchmarkStore extends AutoCloseable {

    EventStorageEngine engine();

    @Override
    void close();

    static BenchmarkStore open(String kind, Path directory) {
        return switch (kind) {
            case "mongo-embedded" -> new Mongo(directory);
            case "jdbc-h2" -> new Jdbc(directory);
            default -> throw new IllegalArgumentException("unknown store " + kind);
        };
    }

    static Path freshDirectory(String purpose) {
        try {
            return Files.createTempDirectory("ledger-bench-" + purpose);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final class Mongo implements BenchmarkStore {
        private final EmbeddedMongoServer server;
        private final MongoClient client;
        private final MongoEventStorageEngine engine;

        Mongo(Path directory) {
            server = EmbeddedMongoServer.start(directory);
            client = MongoClients.create(server.connectionString());
            engine = MongoEventStorageEngine.builder()
                    .database(client.getDatabase("ledger"))
                    .durability(server.durability())
                    .build();
            engine.ensureSchema();
        }

        @Override
        public EventStorageEngine engine() {
            return engine;
        }

        @Override
        public void close() {
            client.close();
            server.close();
        }
    }

    final class Jdbc implements BenchmarkStore {
        private final Connection schemaConnection;
        private final JdbcEventStorageEngine engine;

        Jdbc(Path directory) {
            String url = "jdbc:h2:file:" + directory.resolve("axon-jdbc").toAbsolutePath();
            try {
                schemaConnection = DriverManager.getConnection(url, "sa", "");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            ConnectionProvider connections = () -> DriverManager.getConnection(url, "sa", "");
            engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(connections)
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                    .eventSerializer(JacksonSerializer.builder().objectMapper(LedgerJson.eventMapper()).build())
                    .snapshotSerializer(JacksonSerializer.builder().objectMapper(LedgerJson.snapshotMapper()).build())
                    .batchSize(256)
                    .build();
            engine.createSchema(new H2EventTables());
        }

        @Override
        public EventStorageEngine engine() {
            return engine;
        }

        @Override
        public void close() {
            try {
                schemaConnection.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Axon ships no H2 dialect; H2 2.x rejects the HSQL one's identity syntax. */
    final class H2EventTables extends AbstractEventTableFactory {
        @Override
        protected String idColumnType() {
            return "BIGINT AUTO_INCREMENT";
        }

        @Override
        protected String payloadType() {
            return "BLOB";
        }
    }
}
