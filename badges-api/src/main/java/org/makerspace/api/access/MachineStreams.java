package org.makerspace.api.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.machine.protocol.AllowlistChange;
import org.makerspace.machine.protocol.CurrentAllowlist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Event streams of the controllers, by machine: at most
 * {@link AllowlistProperties#streamsPerMachine()} each (a new one ends the oldest), each dropped when it completes,
 * times out or fails to take a write. What to send is {@link MachineAllowlists}' business; this class only delivers.
 *
 * <p>Meters: {@value #STREAMS_METRIC} (open streams) and {@value #PUSHED_METRIC} (change events delivered, one per
 * stream).
 *
 * <p>At shutdown every stream is ended before the web server's graceful shutdown starts (this lifecycle's phase is
 * stopped first): an open stream is an active request, which the graceful shutdown would otherwise wait for until
 * its timeout (30 s) with every connected controller. From then on a stream that opens (a controller reconnecting
 * at once) ends at once too.
 */
@Component
public class MachineStreams implements SmartLifecycle {

    public static final String STREAMS_METRIC = "ledger.access.streams";
    public static final String PUSHED_METRIC = "ledger.access.changes.pushed";
    private static final Logger log = LoggerFactory.getLogger(MachineStreams.class);

    private final AllowlistProperties properties;
    private final Map<MachineId, Deque<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final Counter pushed;
    private volatile boolean running;
    private volatile boolean stopping;

    MachineStreams(AllowlistProperties properties, MeterRegistry registry) {
        this.properties = properties;
        Gauge.builder(STREAMS_METRIC, this, MachineStreams::open)
                .description("Controllers' allowlist streams open on this node")
                .register(registry);
        this.pushed = Counter.builder(PUSHED_METRIC)
                .description("Allowlist changes pushed to controllers, one per change and stream")
                .register(registry);
    }

    /**
     * A new stream of the machine that starts with {@code current}. Sent before the emitter is returned to Spring MVC,
     * the first event waits in the emitter and goes out as soon as the response starts.
     */
    SseEmitter open(MachineId machine, CurrentAllowlist current) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        if (stopping) {
            emitter.complete();
            return emitter;
        }
        emitter.onCompletion(() -> remove(machine, emitter));
        emitter.onTimeout(() -> remove(machine, emitter));
        emitter.onError(failure -> remove(machine, emitter));
        send(machine, emitter, event(CurrentAllowlist.EVENT, current.version(), current.toJson()));
        SseEmitter oldest = null;
        Deque<SseEmitter> open = streams.computeIfAbsent(machine, id -> new ArrayDeque<>());
        synchronized (open) {
            open.addLast(emitter);
            if (open.size() > properties.streamsPerMachine()) {
                oldest = open.pollFirst();
            }
        }
        if (oldest != null) {
            log.debug("Machine {} opened one stream too many; its oldest is ended", machine);
            try {
                oldest.send(SseEmitter.event().comment("replaced by a newer stream of this machine"));
            } catch (IOException | IllegalStateException gone) {
                // It was going anyway.
            }
            oldest.complete();
        }
        if (stopping) {
            // Opened while stop() was ending the others.
            emitter.complete();
        }
        return emitter;
    }

    void push(MachineId machine, AllowlistChange change) {
        for (SseEmitter emitter : streamsOf(machine)) {
            if (send(machine, emitter, event(AllowlistChange.EVENT, change.version(), change.toJson()))) {
                pushed.increment();
            }
        }
    }

    void announce(MachineId machine, CurrentAllowlist current) {
        for (SseEmitter emitter : streamsOf(machine)) {
            send(machine, emitter, event(CurrentAllowlist.EVENT, current.version(), current.toJson()));
        }
    }

    /** A comment on every stream: it keeps proxies from closing idle streams and finds the vanished controllers. */
    void heartbeat() {
        for (MachineId machine : machines()) {
            for (SseEmitter emitter : streamsOf(machine)) {
                send(machine, emitter, SseEmitter.event().comment("heartbeat"));
            }
        }
    }

    Set<MachineId> machines() {
        return Set.copyOf(streams.keySet());
    }

    boolean hasStreams(MachineId machine) {
        return !streamsOf(machine).isEmpty();
    }

    int open() {
        int count = 0;
        for (Deque<SseEmitter> open : streams.values()) {
            synchronized (open) {
                count += open.size();
            }
        }
        return count;
    }

    private static SseEmitter.SseEventBuilder event(String name, long version, String json) {
        return SseEmitter.event().name(name).id(Long.toString(version)).data(json);
    }

    /**
     * Sends, or drops a stream that cannot take it: its controller is gone and will reconnect if it can. A failed write
     * is not completed here: the container reports it to Spring MVC, which ends the request.
     */
    private boolean send(MachineId machine, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            remove(machine, emitter);
            return false;
        }
    }

    private List<SseEmitter> streamsOf(MachineId machine) {
        Deque<SseEmitter> open = streams.get(machine);
        if (open == null) {
            return List.of();
        }
        synchronized (open) {
            return new ArrayList<>(open);
        }
    }

    private void remove(MachineId machine, SseEmitter emitter) {
        Deque<SseEmitter> open = streams.get(machine);
        if (open != null) {
            synchronized (open) {
                open.remove(emitter);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Ends every stream at shutdown, so that the server need not wait for them and controllers reconnect at once. */
    @Override
    public void stop() {
        stopping = true;
        running = false;
        for (MachineId machine : machines()) {
            for (SseEmitter emitter : streamsOf(machine)) {
                emitter.complete();
            }
        }
        streams.clear();
    }
}
