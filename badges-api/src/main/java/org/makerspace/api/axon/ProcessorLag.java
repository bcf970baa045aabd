package org.makerspace.api.axon;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.makerspace.ledger.eventstore.MongoEventStorageEngine;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * How many events each streaming processor still has to handle: the head of the ledger minus the position of its
 * slowest segment. Positions come from the token store, so every node reports every processor, including one whose
 * segments nobody claims any more — the case worth an alert. (Axon's own {@code eventProcessor.latency} keeps its last
 * value while a processor handles nothing, stopped or idle alike.) A segment this node processes counts with its
 * position in memory when that is further: a segment that is given nothing to handle stores its position only when it
 * extends its claim, every few seconds, and is not behind meanwhile.
 */
final class ProcessorLag {

    static final String METRIC = "ledger.processor.lag";

    private final MongoCollection<Document> tokens;
    private final Serializer tokenSerializer;
    private final MongoEventStorageEngine ledger;
    private final EventProcessingConfiguration processing;
    private final MeterRegistry registry;

    ProcessorLag(MongoCollection<Document> tokens, Serializer tokenSerializer, MongoEventStorageEngine ledger,
                 EventProcessingConfiguration processing, MeterRegistry registry) {
        this.tokens = tokens;
        this.tokenSerializer = tokenSerializer;
        this.ledger = ledger;
        this.processing = processing;
        this.registry = registry;
    }

    /** One gauge per streaming processor, once Axon has built and started them. */
    @EventListener(ApplicationReadyEvent.class)
    void registerGauges() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder(METRIC, this, lag -> lag.eventsBehind(name, streaming))
                        .description("Events appended to the ledger that the processor's slowest segment has not "
                                     + "handled yet")
                        .baseUnit("events")
                        .tag("processorName", name)
                        .register(registry);
            }
        });
    }

    /** The head position minus the position of the processor's slowest segment; NaN before it has a segment. */
    double eventsBehind(String processorName, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> processedHere = processor.processingStatus();
        OptionalLong slowest = OptionalLong.empty();
        for (Document entry : tokens.find(eq("processorName", processorName))) {
            long position = storedPosition(entry);
            EventTrackerStatus here = processedHere.get(entry.getInteger("segment"));
            if (here != null) {
                position = Math.max(position, here.getCurrentPosition().orElse(position));
            }
            slowest = OptionalLong.of(slowest.isPresent() ? Math.min(slowest.getAsLong(), position) : position);
        }
        if (slowest.isEmpty()) {
            return Double.NaN;
        }
        // The last position a commit holds, not the counter: a position a crash lost is never read, and a processor
        // that read everything would otherwise stay one behind until the next command.
        return Math.max(0, ledger.lastWrittenPosition() - slowest.getAsLong());
    }

    private long storedPosition(Document entry) {
        Binary token = entry.get("token", Binary.class);
        if (token == null) {
            return 0; // no token yet: the processor starts before the first event
        }
        TrackingToken trackingToken = tokenSerializer.deserialize(
                new SimpleSerializedObject<>(token.getData(), byte[].class, entry.getString("tokenType"), null));
        return positionOf(trackingToken);
    }

    private static long positionOf(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
