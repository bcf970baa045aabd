package org.makerspace.ledger.storage.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's directory and file, which hold every member's data, are its owner's alone. */
class EmbeddedStoreFilesIntegrationTest {

    @TempDir
    Path work;

    @Test
    void aNewStoreAndItsDirectoryAreForTheirOwnerOnly() throws IOException {
        Path dataDirectory = work.resolve("data");

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("ledger").getCollection("written").insertOne(new Document("_id", "a fact"));
            server.durability().awaitDurable();

            assertThat(permissions(dataDirectory)).isEqualTo("rwx------");
            assertThat(permissions(server.file())).isEqualTo("rw-------");
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
