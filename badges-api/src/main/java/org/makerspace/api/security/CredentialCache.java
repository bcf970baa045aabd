package org.makerspace.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Bearer credentials already looked up, by hash, so that a busy client costs one MongoDB lookup per
 * {@link AuthProperties#cacheLifetime()} rather than one per request. Bounded in size; a revocation on this node
 * evicts at once, one on another node is seen once the entry ages out.
 */
@Component
class CredentialCache {

    /** Who a credential stands for, and until when. */
    record Entry(Caller caller, Instant expiresAt) {
    }

    private final Cache<String, Entry> entries;

    CredentialCache(AuthProperties properties) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(properties.cacheSize())
                .expireAfterWrite(properties.cacheLifetime())
                .build();
    }

    /** The entry of this hash, loaded on a miss; {@code null} (and nothing cached) when the loader finds none. */
    Entry get(String hash, Function<String, Entry> loader) {
        return entries.get(hash, loader);
    }

    void evict(String hash) {
        entries.invalidate(hash);
    }

    /** Forgets every credential of this username, for instance after a password change. */
    void evictUser(String username) {
        entries.asMap().values().removeIf(entry -> entry.caller().username().equals(username));
    }
}
