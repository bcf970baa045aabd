package org.makerspace.api.testing;

import java.util.UUID;
import org.makerspace.ledger.testing.TestMongo;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring context at the test MongoDB ({@link TestMongo}: Testcontainers when Docker is present, the embedded
 * server otherwise), in a database of its own, through the same {@code ledger.mongodb.*} properties as production.
 */
public final class TestStorage {

    private TestStorage() {
    }

    /** Call from a {@code @DynamicPropertySource} method: each context built with it gets a fresh database. */
    public static void use(DynamicPropertyRegistry registry) {
        String database = "badges_api_" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("ledger.mongodb.uri", () -> TestMongo.server().connectionString());
        registry.add("ledger.mongodb.database", () -> database);
    }
}
