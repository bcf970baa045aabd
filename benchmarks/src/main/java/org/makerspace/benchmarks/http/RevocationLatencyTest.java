package org.makerspace.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Revocation-to-controller latency: a controller holds the machine's Server-Sent Events stream while a trainer
 * revokes {@value #REVOCATIONS} certifications one after the other; for each, the time from sending the revocation
 * to reading the stream's {@code change} that removes that member's card, and from the revocation's answer (the
 * command durably recorded) to the same event. Each revocation waits a random 0-1 s after the previous one was
 * delivered, so that revocations arrive at random moments of the event processor's polling cycle (one after the
 * other at once would lock onto its phase). The server is the executable jar in its own JVM on the embedded
 * storage, as in {@link AccessLoadTest}.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.makerspace.benchmarks.http.RevocationLatencyTest
 * badges-api/target/badges-api-<version>.jar [results.json]}.
 */
public final class RevocationLatencyTest {

    static final int REVOCATIONS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Set before the stream is closed on purpose, so that its reader stays quiet about it. */
    private static volatile boolean done;

    private RevocationLatencyTest() {
    }

    public static void main(String[] args) throws Exception {
        try (ServerProcess server = ServerProcess.start(Path.of(args[0]))) {
            Api api = new Api(server.base());
            AccessLoadTest.Provisioned lab = AccessLoadTest.provision(api, REVOCATIONS);
            BlockingQueue<Removal> removals = new LinkedBlockingQueue<>();
            Thread reader = openStream(server, lab, removals);
            long[] fromRequest = new long[REVOCATIONS];
            long[] fromAnswer = new long[REVOCATIONS];
            SplittableRandom random = new SplittableRandom(11);
            for (int i = 0; i < REVOCATIONS; i++) {
                Thread.sleep(random.nextInt(1000));
                String card = "cf2_" + lab.cardHashes().get(i);
                long sent = System.nanoTime();
                api.post("/api/members/load-member-" + i + "/certifications/c-" + i + "/revocation",
                         lab.trainerToken(), Map.of("reason", "benchmark"), 204);
                long answered = System.nanoTime();
                Removal removal = awaitRemoval(removals, card);
                fromRequest[i] = removal.receivedNanos() - sent;
                fromAnswer[i] = removal.receivedNanos() - answered;
            }
            done = true;
            reader.interrupt();
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("revocations", REVOCATIONS);
            results.put("fromRequestMillis", summary(fromRequest));
            results.put("fromAnswerMillis", summary(fromAnswer));
            System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
            if (args.length > 1) {
                JSON.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[1]).toFile(), results);
            }
        }
    }

    private record Removal(String card, String reason, long receivedNanos) {
    }

    private static Removal awaitRemoval(BlockingQueue<Removal> removals, String card) throws InterruptedException {
        while (true) {
            Removal removal = removals.poll(10, TimeUnit.SECONDS);
            if (removal == null) {
                throw new IllegalStateException("no removal of " + card + " within 10 s");
            }
            if (removal.card().equals(card)) {
                return removal;
            }
        }
    }

    /** Reads the stream on a thread of its own, noting when each removal arrived. */
    private static Thread openStream(ServerProcess server, AccessLoadTest.Provisioned lab,
                                     BlockingQueue<Removal> removals) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.base().resolve("/api/machines/" + lab.machineId()
                                                                           + "/stream"))
                .header("Authorization", "Bearer " + lab.machineKey())
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the stream answered " + response.statusCode());
        }
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                                                                                  StandardCharsets.UTF_8))) {
                String event = null;
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:") && "change".equals(event)) {
                        long received = System.nanoTime();
                        JsonNode change = JSON.readTree(line.substring(5).trim());
                        for (JsonNode removed : change.path("removed")) {
                            removals.add(new Removal(removed.path("card").asText(), removed.path("reason").asText(),
                                                     received));
                        }
                    } else if (line.isEmpty()) {
                        event = null;
                    }
                }
            } catch (Exception e) {
                if (!done) {
                    e.printStackTrace();
                }
            }
        }, "stream-reader");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static Map<String, Object> summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("min", millis(sorted[0]));
        summary.put("p50", millis(percentile(sorted, 0.50)));
        summary.put("p90", millis(percentile(sorted, 0.90)));
        summary.put("p99", millis(percentile(sorted, 0.99)));
        summary.put("max", millis(sorted[sorted.length - 1]));
        summary.put("underOneSecond", Arrays.stream(sorted).filter(n -> n < 1_000_000_000L).count());
        return summary;
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
