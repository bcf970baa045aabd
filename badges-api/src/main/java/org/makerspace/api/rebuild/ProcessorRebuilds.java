package org.makerspace.api.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.makerspace.api.axon.Processors;
import org.makerspace.api.axon.TokenClaims;
import org.makerspace.api.problem.NotFound;
import org.makerspace.projections.access.AccessProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Rebuilds read models from the ledger: stops a processor, resets its tokens (its reset handlers drop what it
 * built) and starts it again, so that it replays the ledger from the start; then follows the replay until the
 * processor has caught up with the ledger as it stood when the rebuild started.
 *
 * <p>Refused while another node holds one of the processor's segments: the reset must claim every segment, and a node
 * that goes on processing meanwhile would write into the read model being rebuilt. Machine access builds aside during
 * its replay and swaps in at the end ({@link AccessProjection#replaying}); this tells it when the replay is over,
 * whether a rebuild or a first start without tokens began it.
 */
@Component
public class ProcessorRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProcessorRebuilds.class);
    private static final Duration WATCH = Duration.ofMillis(250);

    private final Processors processors;
    private final TokenClaims claims;
    private final AccessProjection access;
    private final Clock clock;
    private final Map<String, Running> rebuilds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rebuild-watcher");
        thread.setDaemon(true);
        return thread;
    });

    ProcessorRebuilds(Processors processors, TokenClaims claims, AccessProjection access, Clock clock) {
        this.processors = processors;
        this.claims = claims;
        this.access = access;
        this.clock = clock;
        watcher.scheduleWithFixedDelay(this::watch, WATCH.toMillis(), WATCH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every streaming processor and where it stands. */
    public List<ProcessorState> states() {
        long head = processors.head();
        Instant now = clock.instant();
        List<ProcessorState> states = new ArrayList<>();
        processors.all().forEach((name, processor) -> states.add(stateOf(name, processor, head, now)));
        return states;
    }

    public ProcessorState state(String name) {
        StreamingEventProcessor processor = processor(name);
        return stateOf(name, processor, processors.head(), clock.instant());
    }

    /** Rebuilds one processor's read models; refused while another node holds it or a rebuild of it runs. */
    public synchronized RebuildProgress rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        refuseIfBusy(List.of(name));
        return start(Map.of(name, processor)).get(0);
    }

    /** Rebuilds every read model; refused if any processor is held elsewhere or being rebuilt. */
    public synchronized List<RebuildProgress> rebuildAll() {
        Map<String, StreamingEventProcessor> all = processors.all();
        refuseIfBusy(List.copyOf(all.keySet()));
        return start(all);
    }

    /** The rebuild of this processor started on this node, if any. */
    public Optional<RebuildProgress> progress(String name) {
        Running running = rebuilds.get(name);
        return running == null ? Optional.empty() : Optional.of(running.progress(clock.instant()));
    }

    // ---------------------------------------------------------------- rebuilding

    private List<RebuildProgress> start(Map<String, StreamingEventProcessor> chosen) {
        long head = processors.head();
        Instant now = clock.instant();
        chosen.values().forEach(StreamingEventProcessor::shutDown);
        List<RebuildProgress> started = new ArrayList<>();
        try {
            for (Map.Entry<String, StreamingEventProcessor> processor : chosen.entrySet()) {
                processor.getValue().resetTokens();
                Running running = new Running(processor.getKey(), processor.getValue(), now, head);
                rebuilds.put(processor.getKey(), running);
                started.add(running.progress(now));
                log.info("Rebuild of processor '{}' started: {} events to replay", processor.getKey(), head);
            }
        } catch (UnableToClaimTokenException e) {
            throw new RebuildRefused("processor-claimed", "a segment of a processor was claimed by another node "
                                                          + "while the rebuild started: " + e.getMessage());
        } finally {
            chosen.values().forEach(StreamingEventProcessor::start);
        }
        return started;
    }

    private void refuseIfBusy(List<String> names) {
        Instant now = clock.instant();
        for (String name : names) {
            Running running = rebuilds.get(name);
            if (running != null && running.finishedAt == null) {
                throw new RebuildRefused("rebuild-running", "processor '" + name + "' is being rebuilt since "
                                                            + running.startedAt + ": " + running.progress(now).line());
            }
            List<TokenClaims.Claim> elsewhere = claims.heldElsewhere(name, now);
            if (!elsewhere.isEmpty()) {
                String holders = elsewhere.stream().map(claim -> "segment " + claim.segment() + " by " + claim.owner())
                        .collect(Collectors.joining(", "));
                throw new RebuildRefused("processor-claimed", "processor '" + name + "' is held by another node ("
                        + holders + "): stop it there, or rebuild from that node");
            }
        }
    }

    /** Marks the rebuilds whose processor caught up as finished, and tells machine access its replay is over. */
    private void watch() {
        try {
            for (Running running : rebuilds.values()) {
                if (running.finishedAt == null && Processors.caughtUpTo(running.processor, running.total)) {
                    running.finishedAt = clock.instant();
                    if (running.name.equals(AccessProjection.PROCESSING_GROUP)) {
                        access.replayFinished();
                    }
                    log.info("Rebuild finished: {}", running.progress(running.finishedAt).line());
                }
            }
            swapInAccessWhenItsReplayIsOver();
        } catch (RuntimeException e) {
            log.warn("Could not follow the rebuilds", e);
        }
    }

    /**
     * Machine access also replays without a rebuild asked here: a processor that starts with no token (a first start
     * on a restored ledger, a node given the processor for the first time) replays the ledger from its start as a
     * replay. Once its segments here have all reached the end of that replay, the state it built takes over, even
     * if no new event comes to say so.
     */
    private void swapInAccessWhenItsReplayIsOver() {
        if (!access.rebuilding()) {
            return;
        }
        processors.named(AccessProjection.PROCESSING_GROUP).ifPresent(processor -> {
            var segments = processor.processingStatus().values();
            if (!segments.isEmpty() && segments.stream().allMatch(ProcessorRebuilds::pastItsReplay)) {
                access.replayFinished();
                log.info("Machine access replayed the ledger; its state now answers the machines");
            }
        });
    }

    /**
     * A segment stays "replaying" after it handled the event at its reset position, until one more event arrives
     * (Axon cannot tell before it sees the next whether that one was the last); having reached the position counts.
     */
    private static boolean pastItsReplay(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return true;
        }
        OptionalLong reset = segment.getResetPosition();
        OptionalLong current = segment.getCurrentPosition();
        return reset.isPresent() && current.isPresent() && current.getAsLong() >= reset.getAsLong();
    }

    private StreamingEventProcessor processor(String name) {
        return processors.named(name).orElseThrow(() -> NotFound.of("processor", name));
    }

    private ProcessorState stateOf(String name, StreamingEventProcessor processor, long head, Instant now) {
        OptionalLong position = Processors.slowestPosition(processor);
        boolean replaying = processor.processingStatus().values().stream().anyMatch(status -> !pastItsReplay(status));
        // machine access has caught up once the state it replayed answers the machines, not before
        boolean swappedIn = !name.equals(AccessProjection.PROCESSING_GROUP) || !access.rebuilding();
        return new ProcessorState(name, head, position.isPresent() ? position.getAsLong() : null,
                                  Processors.caughtUpTo(processor, head) && swappedIn, replaying,
                                  processor.processingStatus().size(), claims.heldElsewhere(name, now),
                                  progress(name).orElse(null));
    }

    @Override
    public void destroy() {
        watcher.shutdownNow();
    }

    /** A rebuild started on this node. */
    private static final class Running {

        private final String name;
        private final StreamingEventProcessor processor;
        private final Instant startedAt;
        private final long total;
        private volatile Instant finishedAt;

        Running(String name, StreamingEventProcessor processor, Instant startedAt, long total) {
            this.name = name;
            this.processor = processor;
            this.startedAt = startedAt;
            this.total = total;
        }

        RebuildProgress progress(Instant now) {
            long done = finishedAt != null ? total : Math.min(total, Processors.slowestPosition(processor).orElse(0));
            Instant until = finishedAt != null ? finishedAt : now;
            double seconds = Duration.between(startedAt, until).toMillis() / 1000.0;
            Double rate = seconds > 0 && done > 0 ? done / seconds : null;
            Long left = rate == null ? null : (long) Math.ceil((total - done) / rate);
            return new RebuildProgress(name, startedAt, total, done, rate, finishedAt != null ? Long.valueOf(0) : left,
                                       finishedAt);
        }
    }
}
