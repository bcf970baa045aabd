package org.makerspace.controller.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.makerspace.machine.protocol.Json;

/**
 * The controller's requests to its server, with the JDK's HTTP client and the machine key. Whatever says "the server
 * is not there" (no connection, no answer in time, a 5xx) is {@link Unreachable}, which is when the controller decides
 * offline and keeps its queue; any other answer is the server's word and comes back as a {@link Reply}.
 */
final class ServerClient {

    /** For requests no member waits on (the allowlist, uploads): generous, since a slow answer is still an answer. */
    static final Duration BACKGROUND_TIMEOUT = Duration.ofSeconds(10);

    /** The server could not be reached, did not answer in time, or failed (5xx). */
    static final class Unreachable extends Exception {

        private static final long serialVersionUID = 1L;

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    record Reply(int status, String body, Map<String, List<String>> headers) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .flatMap(header -> header.getValue().stream()).findFirst();
        }

        Map<String, Object> json() {
            return Json.parse(body);
        }
    }

    private final ControllerSettings settings;
    private final HttpClient http;

    ServerClient(ControllerSettings settings) {
        this.settings = settings;
        // HTTP/1.1: the server speaks plain HTTP/1.1 to controllers, and an h2c upgrade attempt would only cost time.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.onlineTimeout()).build();
    }

    /** {@code /api/machines/{machineId}} followed by {@code path}. */
    String machinePath(String path) {
        return "/api/machines/" + settings.machineId() + path;
    }

    Reply get(String path, Duration timeout, String... headers) throws Unreachable {
        HttpRequest.Builder request = request(path, timeout).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build(), path);
    }

    Reply post(String path, Map<String, ?> body, Duration timeout) throws Unreachable {
        return send(request(path, timeout).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8))
                            .build(), path);
    }

    /** The machine's stream, once the server answered its headers; the body is read by the caller as it comes. */
    HttpResponse<InputStream> openStream() throws Unreachable {
        String path = machinePath("/stream");
        // No request timeout: a stream lasts (an hour, then the server ends it); silence is watched by the caller.
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + settings.machineKey())
                .header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() >= 500) {
                response.body().close();
                throw new Unreachable("the stream answered " + response.statusCode(), null);
            }
            return response;
        } catch (IOException e) {
            throw new Unreachable("cannot open the stream: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while opening the stream", e);
        }
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(uri(path)).timeout(timeout)
                .header("Authorization", "Bearer " + settings.machineKey()).header("Accept", "*/*");
    }

    /** A path on the configured server (which may sit under a path of its own, such as https://host/ledger). */
    URI uri(String path) {
        return URI.create(settings.server() + path);
    }

    private Reply send(HttpRequest request, String path) throws Unreachable {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unreachable(request.method() + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(request.method() + " " + path + " interrupted", e);
        }
        if (response.statusCode() >= 500) {
            throw new Unreachable(request.method() + " " + path + " answered " + response.statusCode(), null);
        }
        return new Reply(response.statusCode(), response.body(), response.headers().map());
    }
}
