package org.makerspace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.makerspace.ledger.eventstore.MongoEventStorageEngine;
import org.makerspace.ledger.storage.LedgerStorage;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The meters an operator scrapes from {@code /actuator/prometheus}, with the tags docs/operations.md promises: commands
 * by type and outcome, events appended, access decisions by outcome and reason, and how far each processor is behind.
 * The test context is shared, so values are checked to have moved, not to be exact.
 */
class MetricsIntegrationTest extends ApiIntegrationTestSupport {

    private static final Duration READ_MODELS = Duration.ofSeconds(15);
    private static final String[] PROCESSORS = {"access", "award", "catalog", "passport"};
    private static final String NUMBER = "([0-9.E+-]+|NaN)";

    @Test
    void commandsEventsAccessDecisionsAndProcessorLagAreExposed() {
        String lab = unique("fablab");
        String platform = platformAdmin();
        Map<String, String> registerLab = Map.of("labId", lab, "name", "Fablab " + lab,
                                                 "publicUrl", "https://" + lab + ".example");
        assertThat(api.post("/api/labs", platform, registerLab).status()).isEqualTo(201);
        assertThat(api.post("/api/labs", platform, registerLab).status()).as("the lab again").isEqualTo(409);
        String admin = labAdmin(lab);
        String machineId = lab + "-laser";
        assertThat(api.post("/api/labs/" + lab + "/machines", admin,
                            Map.of("machineId", machineId, "name", "Trotec Speedy 100", "machineType", "laser-cutter",
                                   "riskLevel", "HIGH", "maxSessionMinutes", 120)).status()).isEqualTo(201);
        String machineKey = machine(lab, machineId);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.post("/api/machines/" + machineId + "/access", machineKey, Map.of("cardUid", "DE:AD:BE:EF"))
                        .text("reason")).isEqualTo("unknown_card"));

        await().atMost(READ_MODELS).untilAsserted(() -> {
            String now = prometheus();
            for (String processor : PROCESSORS) {
                assertThat(value(now, "ledger_processor_lag_events", "processorName=\"" + processor + "\""))
                        .as("events %s has not handled", processor).isZero();
            }
        });
        String metrics = prometheus();

        assertThat(value(metrics, "commandBus_successCounter_total", "payloadType=\"RegisterLab\"")).isPositive();
        assertThat(value(metrics, "commandBus_failureCounter_total", "payloadType=\"RegisterLab\"")).isPositive();
        assertThat(value(metrics, "commandBus_successTimer_seconds_count", "payloadType=\"RegisterMachine\""))
                .isPositive();
        assertThat(value(metrics, "commandBus_successTimer_seconds_sum", "payloadType=\"RegisterMachine\""))
                .isPositive();
        assertThat(value(metrics, "commandBus_allTimer_seconds", "payloadType=\"RegisterMachine\",quantile=\"0.99\""))
                .isPositive();

        assertThat(value(metrics, "ledger_events_appended_total", "")).isPositive();
        assertThat(value(metrics, "ledger_append_conflicts_total", "")).isNotNegative();

        assertThat(value(metrics, "ledger_access_decisions_total", "decision=\"denied\",reason=\"unknown_card\""))
                .isPositive();
        assertThat(value(metrics, "ledger_access_decisions_total", "decision=\"granted\",reason=\"none\""))
                .isNotNegative();

        for (String processor : PROCESSORS) {
            assertThat(value(metrics, "eventProcessor_ingestedCounter_total",
                             "payloadType=\"MachineRegistered\",processorName=\"" + processor + "\"")).isPositive();
            assertThat(value(metrics, "eventProcessor_latency", "processorName=\"" + processor + "\""))
                    .isNotNegative();
        }
    }

    /**
     * A crash can lose a commit after its position was handed out: no processor will ever read that position. The lag
     * is counted to the last position a commit holds, so processors that read everything show 0, not 1 until the next
     * command (as they did after a restart).
     */
    @Test
    void aPositionACrashLostAtTheHeadIsNoLag() {
        storage.database().getCollection(MongoEventStorageEngine.COUNTERS)
                .updateOne(new Document("_id", "global-position"), new Document("$inc", new Document("last", 1L)));

        await().atMost(READ_MODELS).untilAsserted(() -> {
            String metrics = prometheus();
            for (String processor : List.of("passport", "access", "award-decisions", "award", "issuance", "catalog")) {
                assertThat(value(metrics, "ledger_processor_lag_events", "processorName=\"" + processor + "\""))
                        .as(processor).isZero();
            }
        });
    }

    /** The case the lag gauge is for: a processor that no longer runs, while commands go on being recorded. */
    @Test
    void theLagOfAStoppedProcessorGrowsWithEveryEventAndGoesBackToZeroWhenItRunsAgain() {
        EventProcessor award = processing.eventProcessor("award").orElseThrow();
        award.shutDown();
        try {
            double before = value(prometheus(), "ledger_processor_lag_events", "processorName=\"award\"");
            String lab = unique("fablab");
            assertThat(api.post("/api/labs", platformAdmin(), Map.of("labId", lab, "name", "Fablab " + lab,
                                                                     "publicUrl", "https://" + lab + ".example"))
                               .status()).isEqualTo(201);
            assertThat(value(prometheus(), "ledger_processor_lag_events", "processorName=\"award\""))
                    .isGreaterThanOrEqualTo(before + 1);
        } finally {
            award.start();
        }
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                value(prometheus(), "ledger_processor_lag_events", "processorName=\"award\"")).isZero());
    }

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private LedgerStorage storage;

    private String prometheus() {
        Reply scrape = api.get("/actuator/prometheus", platformAdmin());
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.body().asText();
    }

    /** The value of the sample with exactly these labels (in Prometheus' order, by name), failing when there is none. */
    private static double value(String metrics, String name, String labels) {
        String sample = labels.isEmpty() ? Pattern.quote(name) : Pattern.quote(name + "{" + labels + "}");
        Matcher matcher = Pattern.compile("(?m)^" + sample + " " + NUMBER + "$").matcher(metrics);
        assertThat(matcher.find()).as("%s{%s} in%n%s", name, labels, metrics.lines()
                .filter(line -> line.startsWith(name)).toList()).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
