package org.makerspace.ledger.storage;

import static com.mongodb.client.model.Filters.lte;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;
import org.makerspace.ledger.storage.embedded.EmbeddedMongoServer;
import org.makerspace.ledger.testing.TestMongo;

/**
 * After {@code kill -9}, a processor's stored token never stands past an effect it wrote before storing it: the
 * processor would otherwise carry on without that effect for good. The child process writes effects then tokens
 * while the store is saved over and over ({@link WriteEffectsThenTokensUntilKilled}); the test kills it, reopens the
 * data directory and compares each token with the effects on disk. Without {@link DurableTokenStore}, the store saved
 * a token without the effect written just before it in about one kill out of four.
 */
class TokensAfterEffectsKillIntegrationTest {

    private static final int REPORTS_BEFORE_KILL = 30;

    @RepeatedTest(4)
    void aStoredTokenNeverStandsPastAnEffectWrittenBeforeIt(@TempDir Path dataDirectory) throws Exception {
        assumeTrue(TestMongo.server().isEmbedded() || System.getenv(TestMongo.URI_VARIABLE) == null,
                   "a real MongoDB acknowledges each journaled write in order; this is about the embedded store");
        Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                                           "-Dlogback.configurationFile=none",
                                           WriteEffectsThenTokensUntilKilled.class.getName(), dataDirectory.toString(),
                                           "true")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int reports = 0;
            String line;
            while (reports < REPORTS_BEFORE_KILL && (line = out.readLine()) != null) {
                if (line.startsWith("TOKEN ")) {
                    reports++;
                }
            }
            assertThat(reports).isEqualTo(REPORTS_BEFORE_KILL);
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no final save
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoDatabase database = client.getDatabase(WriteEffectsThenTokensUntilKilled.DATABASE);
            WriteEffectsThenTokensUntilKilled.CollectionTokens tokens = new WriteEffectsThenTokensUntilKilled.CollectionTokens(
                    database.getCollection(WriteEffectsThenTokensUntilKilled.TOKENS));
            for (String processor : WriteEffectsThenTokensUntilKilled.PROCESSORS) {
                TrackingToken token = tokens.fetchToken(processor, 0);
                assertThat(token).as("token of %s", processor).isNotNull();
                long position = token.position().orElseThrow();
                long effectsUpToToken = database.getCollection(processor).countDocuments(lte("_id", position));
                assertThat(effectsUpToToken).as("effects of %s up to its token %d (and the first document, 0)",
                                                processor, position).isEqualTo(position + 1);
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
