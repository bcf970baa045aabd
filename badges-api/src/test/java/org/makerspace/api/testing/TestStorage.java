package org.makerspace.api.testing;

import java.util.Base64;
import java.util.UUID;
import org.makerspace.ledger.testing.TestMongo;
import org.makerspace.projections.credential.issuer.MasterKey;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring context at the test MongoDB ({@link TestMongo}: Testcontainers when Docker is present, the embedded
 * server otherwise), in a database of its own, through the same {@code ledger.mongodb.*} properties as production,
 * with the master key a configured MongoDB requires and a card fingerprint key of its own.
 */
public final class TestStorage {

    private TestStorage() {
    }

    /** Call from a {@code @DynamicPropertySource} method: each context built with it gets a fresh database. */
    public static void use(DynamicPropertyRegistry registry) {
        String database = "badges_api_" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("ledger.mongodb.uri", () -> TestMongo.server().connectionString());
        registry.add("ledger.mongodb.database", () -> database);
        String masterKey = Base64.getEncoder().encodeToString(MasterKey.generate().bytes());
        registry.add("ledger.openbadges.master-key", () -> masterKey);
        // Configured too, so that the tests write no key into the module's directory (the default ./data).
        String cardKey = Base64.getEncoder().encodeToString(MasterKey.generate().bytes());
        registry.add("ledger.card-fingerprint-key", () -> cardKey);
    }
}
