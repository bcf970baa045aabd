package org.makerspace.controller.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.makerspace.machine.protocol.Allowlist;
import org.makerspace.machine.protocol.CurrentAllowlist;
import org.makerspace.machine.protocol.Json;

/**
 * The server's side of the controller protocol, as small as the controller's unit tests need, on the JDK's HTTP
 * server over a real loopback connection: the signed allowlist with its ETag, the lab's key, access answers, the
 * time, the stream, and the uploads, which it records (repeats of an offline decision counted as duplicates, as the
 * real server does). It can answer 503 to everything, or stop listening and start again on the same port.
 */
final class FakeLedgerServer implements AutoCloseable {

    final TestLab lab;
    final String machineId;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> decisions = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> sessionReports = new CopyOnWriteArrayList<>();
    /** Every report in the order it arrived: {@code decision}, {@code start <id>}, {@code end <id> <reason>}. */
    final List<String> arrivals = new CopyOnWriteArrayList<>();
    private final Set<String> decisionKeys = new HashSet<>();
    private final List<OutputStream> streams = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-ledger");
        thread.setDaemon(true);
        return thread;
    });
    private final int port;
    private HttpServer http;

    volatile String compact;
    volatile String etag;
    volatile boolean unavailable;
    /** The answer to every access question; a denial of an unknown card unless a test says otherwise. */
    volatile Map<String, Object> accessAnswer = Map.of("decision", "denied", "reason", "unknown_card");
    /** Session starts of this card hash are refused (404), as the server does for a card nobody holds. */
    volatile String unknownCardHash;
    private int documents;

    /**
     * Its lab's key is named under {@code publicBaseUrl}, as the real server names it under its public URL, which a
     * controller on the lab's network need not reach it by.
     */
    FakeLedgerServer(String labId, String machineId, String publicBaseUrl) throws IOException {
        this.machineId = machineId;
        this.http = listen(0);
        this.port = http.getAddress().getPort();
        this.lab = new TestLab(labId, publicBaseUrl);
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Signs and serves this document from now on, under a new ETag. */
    synchronized String publish(Allowlist allowlist) {
        serve(lab.sign(allowlist));
        return compact;
    }

    synchronized void serve(String document) {
        compact = document;
        etag = "\"doc-" + ++documents + "\"";
    }

    /** Sends an event to every open stream. */
    void push(String event, String data) {
        byte[] bytes = ("event:" + event + "\ndata:" + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (OutputStream stream : streams) {
            try {
                stream.write(bytes);
                stream.flush();
            } catch (IOException e) {
                streams.remove(stream);
            }
        }
    }

    int openStreams() {
        return streams.size();
    }

    /** Stops listening, ending every stream: to the controller, the server is gone. */
    void stop() {
        streams.forEach(FakeLedgerServer::closeQuietly);
        streams.clear();
        http.stop(0);
    }

    /** Listens again on the same port, with everything it recorded. */
    void restart() throws IOException {
        http = listen(port);
    }

    @Override
    public void close() {
        stop();
        executor.shutdownNow();
    }

    private HttpServer listen(int on) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return server;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path);
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (unavailable) {
            answer(exchange, 503, "{\"title\":\"unavailable\"}");
            return;
        }
        String machine = "/api/machines/" + machineId;
        if (path.endsWith("/jwk") && path.startsWith("/ob3/issuers/" + lab.labId + "/keys/")) {
            answer(exchange, 200, lab.jwk());
        } else if (path.equals(machine + "/allowlist")) {
            allowlist(exchange);
        } else if (path.equals(machine + "/stream")) {
            stream(exchange);
        } else if (path.equals(machine + "/time")) {
            answer(exchange, 200, "{\"serverTime\":\"" + Instant.now() + "\"}");
        } else if (path.equals(machine + "/access")) {
            answer(exchange, 200, Json.write(accessAnswer));
        } else if (path.equals(machine + "/offline-decisions")) {
            offlineDecisions(exchange, body);
        } else if (path.equals(machine + "/sessions")) {
            Map<String, Object> start = Json.parse(body);
            if (start.get("cardHash").equals(unknownCardHash)) {
                answer(exchange, 404, "{\"type\":\"unknown-card\"}");
                return;
            }
            sessionReports.add(start);
            arrivals.add("start " + start.get("sessionId"));
            answer(exchange, 204, null);
        } else if (path.startsWith(machine + "/sessions/") && path.endsWith("/end")) {
            Map<String, Object> end = Json.parse(body);
            String sessionId = path.substring((machine + "/sessions/").length(), path.length() - "/end".length());
            end.put("sessionId", sessionId);
            sessionReports.add(end);
            arrivals.add("end " + sessionId + " " + end.get("reason"));
            answer(exchange, 204, null);
        } else {
            answer(exchange, 404, "{}");
        }
    }

    private void allowlist(HttpExchange exchange) throws IOException {
        String served;
        String tag;
        synchronized (this) {
            served = compact;
            tag = etag;
        }
        if (served == null) {
            answer(exchange, 503, "{\"type\":\"allowlist-unavailable\"}");
        } else if (tag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.getResponseHeaders().add("ETag", tag);
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
        } else {
            exchange.getResponseHeaders().add("ETag", tag);
            exchange.getResponseHeaders().add("Content-Type", "application/allowlist+jwt");
            byte[] bytes = served.getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }

    /** Opens with the current document's ETag, as the server does; the exchange stays open for {@link #push}. */
    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String tag = etag;
        if (tag != null) {
            // The controller compares the ETag only; the rest is the document's business.
            String current = new CurrentAllowlist(machineId, 0, tag, Instant.EPOCH, Instant.EPOCH, 0).toJson();
            out.write(("event:allowlist\ndata:" + current + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        streams.add(out);
    }

    /** Records each decision once, by its content, and answers how many were new: the server's contract. */
    private void offlineDecisions(HttpExchange exchange, String body) throws IOException {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> uploaded = (List<Map<String, Object>>) Json.parse(body).get("decisions");
        int recorded = 0;
        List<Map<String, Object>> fresh = new ArrayList<>();
        synchronized (decisionKeys) {
            for (Map<String, Object> decision : uploaded) {
                if (decisionKeys.add(decision.get("at") + "|" + decision.get("cardHash") + "|"
                                     + decision.get("decision"))) {
                    fresh.add(decision);
                    recorded++;
                }
                arrivals.add("decision");
            }
        }
        decisions.addAll(fresh);
        answer(exchange, 200, "{\"recorded\":" + recorded + ",\"duplicates\":" + (uploaded.size() - recorded) + "}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // Gone either way.
        }
    }
}
