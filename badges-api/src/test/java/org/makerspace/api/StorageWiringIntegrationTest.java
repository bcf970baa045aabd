package org.makerspace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.ledger.testing.TestMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The application talks to MongoDB through one client, ours: Boot's auto-configuration opens none of its own. */
class StorageWiringIntegrationTest extends ApiIntegrationTestSupport {

    @Autowired
    private ApplicationContext context;

    @Test
    void opensOneMongoClientToTheConfiguredServerOnly() {
        assertThat(context.getBeansOfType(MongoClient.class)).hasSize(1);
        MongoClient client = context.getBean(MongoClient.class);
        String configured = TestMongo.server().connectionString().replace("mongodb://", "").split("[/?]")[0];
        assertThat(client.getClusterDescription().getClusterSettings().getHosts())
                .extracting(Object::toString)
                .containsExactly(configured);
    }
}
