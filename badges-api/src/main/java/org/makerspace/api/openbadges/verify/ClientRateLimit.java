package org.makerspace.api.openbadges.verify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code perMinute} requests at once, refilled evenly over a minute. Buckets of
 * addresses that stopped asking are forgotten once they would be full again, and at most {@value #MAX_CLIENTS} are
 * kept, so a flood of addresses cannot exhaust memory (the least recently used bucket goes, which at worst forgives
 * one client early).
 */
final class ClientRateLimit {

    static final int MAX_CLIENTS = 100_000;
    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets;

    ClientRateLimit(int perMinute, LongSupplier nanoTime) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("requestsPerMinute must be at least 1, but was " + perMinute);
        }
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).maximumSize(MAX_CLIENTS).build();
    }

    int perMinute() {
        return perMinute;
    }

    /** Takes a token for the client: empty when granted, else the whole seconds to wait for the next token. */
    OptionalLong acquire(String client) {
        Bucket bucket = buckets.get(client, key -> new Bucket(perMinute, nanoTime.getAsLong()));
        synchronized (bucket) {
            return bucket.take(nanoTime.getAsLong(), perMinute);
        }
    }

    /** Tokens as fractions, refilled continuously at {@code perMinute} per minute up to {@code perMinute}. */
    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.refilledAt = now;
        }

        OptionalLong take(long now, int perMinute) {
            double perNano = (double) perMinute / NANOS_PER_MINUTE;
            tokens = Math.min(perMinute, tokens + Math.max(0, now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            double waitNanos = (1 - tokens) / perNano;
            return OptionalLong.of(Math.max(1, (long) Math.ceil(waitNanos / 1_000_000_000d)));
        }
    }
}
