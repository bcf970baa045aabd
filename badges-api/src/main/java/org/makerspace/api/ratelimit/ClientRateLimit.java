package org.makerspace.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code perMinute} requests at once, refilled evenly over a minute. Buckets of
 * addresses that stopped asking are forgotten once they would be full again, and at most {@value #MAX_CLIENTS} are
 * kept, so a flood of addresses cannot exhaust memory (the least recently used bucket goes, which at worst forgives
 * one client early).
 */
public final class ClientRateLimit {

    static final int MAX_CLIENTS = 100_000;
    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets;

    public ClientRateLimit(int perMinute, LongSupplier nanoTime) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("requestsPerMinute must be at least 1, but was " + perMinute);
        }
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).maximumSize(MAX_CLIENTS).build();
    }

    /**
     * The client a request counts against: its IPv4 address, or the /64 network of its IPv6 address, since one IPv6
     * host commonly has a whole /64 to pick addresses from.
     */
    public static String clientOf(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return String.valueOf(remoteAddress);
        }
        try {
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    public int perMinute() {
        return perMinute;
    }

    /** Takes a token for the client: empty when granted, else the whole seconds to wait for the next token. */
    public OptionalLong acquire(String client) {
        Bucket bucket = buckets.get(client, key -> new Bucket(perMinute, nanoTime.getAsLong()));
        synchronized (bucket) {
            return bucket.take(nanoTime.getAsLong(), perMinute);
        }
    }

    /** Gives back a token taken for an attempt that turned out not to count, up to the bucket's size. */
    public void refund(String client) {
        Bucket bucket = buckets.getIfPresent(client);
        if (bucket != null) {
            synchronized (bucket) {
                bucket.giveBack(perMinute);
            }
        }
    }

    /**
     * Whether the client has a token left, without taking it: empty when it has, else the whole seconds until it
     * will. For limits on failures, checked before the attempt and charged only when it fails.
     */
    public OptionalLong waitFor(String client) {
        Bucket bucket = buckets.getIfPresent(client);
        if (bucket == null) {
            return OptionalLong.empty();
        }
        synchronized (bucket) {
            return bucket.peek(nanoTime.getAsLong(), perMinute);
        }
    }

    /**
     * Tokens counted in exact integers: one token is as many units as a minute has nanoseconds, and every nanosecond
     * adds {@code perMinute} units, up to {@code perMinute} tokens.
     */
    private static final class Bucket {

        private long units;
        private long refilledAt;

        Bucket(int capacity, long now) {
            this.units = capacity * NANOS_PER_MINUTE;
            this.refilledAt = now;
        }

        OptionalLong take(long now, int perMinute) {
            OptionalLong wait = peek(now, perMinute);
            if (wait.isEmpty()) {
                units -= NANOS_PER_MINUTE;
            }
            return wait;
        }

        void giveBack(int perMinute) {
            units = Math.min(perMinute * NANOS_PER_MINUTE, units + NANOS_PER_MINUTE);
        }

        OptionalLong peek(long now, int perMinute) {
            long elapsed = Math.min(Math.max(0, now - refilledAt), NANOS_PER_MINUTE);
            units = Math.min(perMinute * NANOS_PER_MINUTE, units + elapsed * perMinute);
            refilledAt = now;
            if (units >= NANOS_PER_MINUTE) {
                return OptionalLong.empty();
            }
            long waitNanos = ceilDiv(NANOS_PER_MINUTE - units, perMinute);
            return OptionalLong.of(Math.max(1, ceilDiv(waitNanos, 1_000_000_000L)));
        }

        private static long ceilDiv(long dividend, long divisor) {
            return -Math.floorDiv(-dividend, divisor);
        }
    }
}
