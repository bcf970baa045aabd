package org.makerspace.controller.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.System.Logger.Level;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The controller's end of its machine's Server-Sent Events stream, on a thread of its own: it opens the stream, hands
 * each event to the {@link Listener}, and when the stream ends or cannot be opened tries again, at once after a
 * stream that worked (the server ends each one after an hour), else after a pause that doubles with each failure up
 * to the configured maximum, so that a lab's controllers do not hammer a server that is coming back up.
 *
 * <p>A stream can also die without ending: a server that lost power sends neither data nor a close. The server sends a
 * heartbeat every 15 s, so {@link #closeIfSilent()} (called regularly by the controller) drops a stream silent for
 * longer than the configured idle timeout, and the loop reconnects.
 */
final class AllowlistStream implements AutoCloseable {

    private static final System.Logger log = System.getLogger(AllowlistStream.class.getName());
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

    /** Told of the stream's life; called on the stream's thread, one call at a time. */
    interface Listener {

        /** The server answered 200: events follow. */
        void opened();

        /** One event, named ({@code message} when the server gave no name), its data lines joined by newlines. */
        void event(String name, String data);

        /** The stream ended, or could not be opened; the loop will try again. */
        void lost(String why);
    }

    private final ServerClient client;
    private final ControllerSettings settings;
    private final Listener listener;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile InputStream body;
    private volatile long lastHeardNanos = System.nanoTime();
    /** Events the current (or last) stream brought. */
    private int events;

    AllowlistStream(ServerClient client, ControllerSettings settings, Listener listener) {
        this.client = client;
        this.settings = settings;
        this.listener = listener;
        this.thread = new Thread(this::run, "controller-stream-" + settings.machineId());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean connected() {
        return connected;
    }

    /** Drops the stream if nothing, not even a heartbeat, came within the idle timeout: the loop then reconnects. */
    void closeIfSilent() {
        InputStream open = body;
        if (open != null && System.nanoTime() - lastHeardNanos > settings.streamIdleTimeout().toNanos()) {
            log.log(Level.WARNING, "the stream of {0} was silent for {1}: reconnecting", settings.machineId(),
                    settings.streamIdleTimeout());
            closeQuietly(open);
        }
    }

    @Override
    public void close() {
        running = false;
        InputStream open = body;
        if (open != null) {
            closeQuietly(open);
        }
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        int failures = 0;
        while (running) {
            String why;
            try {
                HttpResponse<InputStream> response = client.openStream();
                if (response.statusCode() == 200) {
                    why = read(response.body());
                    // A stream that brought events worked: the next one is opened at once. One that ended before its
                    // first event (a server shutting down ends new streams at once) is a failure like any other.
                    failures = events > 0 ? 0 : failures + 1;
                } else {
                    // 401, 403, 404: the key or the machine is wrong; retrying slowly lets a fixed server recover.
                    closeQuietly(response.body());
                    failures++;
                    why = "the stream answered " + response.statusCode();
                }
            } catch (ServerClient.Unreachable e) {
                failures++;
                why = e.getMessage();
            }
            if (!running) {
                return;
            }
            listener.lost(why);
            pause(failures == 0 ? Duration.ZERO : pauseAfter(failures));
        }
    }

    /** 1 s, 2 s, 4 s… up to the maximum. */
    private Duration pauseAfter(int failures) {
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(failures - 1, 16));
        return pause.compareTo(settings.maxReconnectPause()) > 0 ? settings.maxReconnectPause() : pause;
    }

    private void pause(Duration pause) {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            // Only close() interrupts this thread, after clearing `running`: the loop then ends.
        }
    }

    /** Reads events until the stream ends; returns why it ended. */
    private String read(InputStream stream) {
        body = stream;
        connected = true;
        events = 0;
        lastHeardNanos = System.nanoTime();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            listener.opened();
            String name = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                lastHeardNanos = System.nanoTime();
                if (line.isEmpty()) {
                    if (data != null) {
                        events++;
                        dispatch(name == null ? "message" : name, data.toString());
                    }
                    name = null;
                    data = null;
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    if (field.equals("event")) {
                        name = value;
                    } else if (field.equals("data")) {
                        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    }
                    // id and retry: the controller compares versions itself and paces its own reconnections.
                }
            }
            return "the server ended the stream";
        } catch (IOException e) {
            return "the stream broke: " + e.getMessage();
        } finally {
            connected = false;
            body = null;
        }
    }

    /** A listener's failure must not end the stream: later events (a revocation) still have to arrive. */
    private void dispatch(String name, String data) {
        try {
            listener.event(name, data);
        } catch (RuntimeException e) {
            log.log(Level.ERROR, "handling a " + name + " event failed", e);
        }
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // Closed either way: the reading loop sees the end.
        }
    }
}
