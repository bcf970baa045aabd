package org.makerspace.api.axon;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** The application's streaming processors and where they stand against the head of the ledger. */
@Component
public class Processors {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    Processors(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** Every streaming processor, by name, in name order. */
    public Map<String, StreamingEventProcessor> all() {
        Map<String, StreamingEventProcessor> all = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                all.put(name, streaming);
            }
        });
        return all;
    }

    /**
     * The position of the processor's slowest segment processed on this node, or empty while this node processes
     * none of its segments.
     */
    public static OptionalLong slowestPosition(StreamingEventProcessor processor) {
        OptionalLong slowest = OptionalLong.empty();
        for (EventTrackerStatus segment : processor.processingStatus().values()) {
            long position = segment.getCurrentPosition().orElse(0);
            slowest = OptionalLong.of(slowest.isPresent() ? Math.min(slowest.getAsLong(), position) : position);
        }
        return slowest;
    }

    public Optional<StreamingEventProcessor> named(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    /** The position of the newest event in the ledger (0 when it is empty). */
    public long head() {
        return eventStore.createHeadToken() == null ? 0 : eventStore.createHeadToken().position().orElse(0);
    }

    /**
     * Whether this node processes every segment of the processor and each has handled the ledger up to {@code head}.
     */
    public boolean caughtUp(String name, long head) {
        return named(name).map(processor -> caughtUp(processor, head)).orElse(false);
    }

    /**
     * Whether this node processes every segment and each has handled the ledger up to {@code head}, whether it is
     * still flagged as replaying or not (a replay is flagged until it passes the position it was reset at).
     */
    public static boolean caughtUpTo(StreamingEventProcessor processor, long head) {
        return caughtUp(processor, head, true);
    }

    static boolean caughtUp(StreamingEventProcessor processor, long head) {
        return caughtUp(processor, head, false);
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head, boolean replayDone) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (!coversEverySegment(segments)) {
            return false;
        }
        for (EventTrackerStatus segment : segments.values()) {
            OptionalLong position = segment.getCurrentPosition();
            if (segment.isErrorState() || !segment.isCaughtUp() || !replayDone && segment.isReplaying()
                    || position.isEmpty() && head > 0 || position.isPresent() && position.getAsLong() < head) {
                return false;
            }
        }
        return true;
    }

    /** The segments this node holds add up to the whole stream: each covers 1/(mask+1) of it. */
    static boolean coversEverySegment(Map<Integer, EventTrackerStatus> segments) {
        double covered = 0;
        for (EventTrackerStatus segment : segments.values()) {
            covered += 1.0 / (segment.getSegment().getMask() + 1);
        }
        return !segments.isEmpty() && covered > 0.999_999;
    }
}
