package org.makerspace.benchmarks.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load: {@code concurrency} clients, each sending its next request as soon as the previous answer is
 * read, on keep-alive connections, for a fixed time after a warm-up. Every answer's latency is kept (no sampling),
 * and a request that does not answer 200 counts as an error.
 */
final class LoadGenerator {

    record Result(String endpoint, int concurrency, long requests, long errors, double seconds, long p50Micros,
                  long p99Micros, long maxMicros) {

        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    private LoadGenerator() {
    }

    /** {@code requests} gives each client's n-th request; all must be independent of earlier answers. */
    static Result run(String endpoint, int concurrency, Duration warmUp, Duration measure,
                      IntFunction<HttpRequest> requests) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        drive(client, concurrency, warmUp, requests, null);
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        drive(client, concurrency, measure, requests, new Collector(latencies, errors));
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(endpoint, concurrency, all.length, errors.get(), seconds, percentile(all, 0.50) / 1000,
                          percentile(all, 0.99) / 1000, all.length == 0 ? 0 : all[all.length - 1] / 1000);
    }

    private record Collector(List<long[]> latencies, AtomicLong errors) {
        synchronized void add(long[] clientLatencies, int count) {
            latencies.add(Arrays.copyOf(clientLatencies, count));
        }
    }

    private static void drive(HttpClient client, int concurrency, Duration time, IntFunction<HttpRequest> requests,
                              Collector collector) throws InterruptedException {
        long deadline = System.nanoTime() + time.toNanos();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int c = 0; c < concurrency; c++) {
            int offset = c * 7919;
            Thread clientThread = new Thread(() -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                int n = offset;
                try {
                    while (System.nanoTime() < deadline) {
                        HttpRequest request = requests.apply(n++);
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long latency = System.nanoTime() - start;
                        if (collector != null) {
                            if (response.statusCode() != 200) {
                                collector.errors().incrementAndGet();
                            }
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = latency;
                        }
                    }
                } catch (IOException e) {
                    if (collector != null) {
                        collector.errors().incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (collector != null) {
                        collector.add(latencies, count);
                    }
                    done.countDown();
                }
            }, "load-client-" + c);
            clientThread.start();
        }
        done.await();
    }

    private static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }
}
