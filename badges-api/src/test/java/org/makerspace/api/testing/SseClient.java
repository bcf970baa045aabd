package org.makerspace.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A controller's end of a Server-Sent Events stream, over a real connection: the JDK's HTTP client reads the body line
 * by line on a thread of its own and queues each event (comments included, named {@value #COMMENT}) with the
 * {@link System#nanoTime()} its last line arrived at, so that tests can time a push.
 */
public final class SseClient implements AutoCloseable {

    /** The name given to comment lines, which servers send as heartbeats. */
    public static final String COMMENT = ":comment";

    /** One event: its name ({@code message} when none), id, data lines joined by newlines, and arrival time. */
    public record Event(String name, String id, String data, long receivedNanos) {
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code path} with {@code Accept: text/event-stream}; {@code token} may be null. */
    public static SseClient open(int port, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return new SseClient(client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot open " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    /** The next event of this name, skipping others; fails after {@code timeout}. */
    public Event next(String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event;
            try {
                event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            assertThat(event).as("a '%s' event within %s", name, timeout).isNotNull();
            if (event.name().equals(name)) {
                return event;
            }
        }
    }

    /** Whether the server ended the stream within {@code timeout}. */
    public boolean endsWithin(Duration timeout) {
        try {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Hangs up, as a controller that loses power does. */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // Closed either way.
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                                                                             StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null || name != null) {
                        events.add(new Event(name == null ? "message" : name, id,
                                             data == null ? "" : data.toString(), System.nanoTime()));
                    }
                    name = null;
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(COMMENT, null, line.substring(1).strip(), System.nanoTime()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "event" -> name = value;
                        case "id" -> id = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> {
                            // retry and unknown fields: nothing a test needs
                        }
                    }
                }
            }
        } catch (IOException e) {
            // The connection ended: closed by us or by the server.
        } finally {
            ended.countDown();
        }
    }
}
