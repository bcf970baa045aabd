package org.makerspace.api.openbadges.verify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Partners' verification methods and status lists, fetched through {@link PartnerFetch} and kept for a short while:
 * keys rarely change and a verifier asked about many credentials of one partner should not ask the partner each time;
 * status lists change, so they are kept for less, and as their host's cache headers say: no longer than its
 * {@code max-age}, asked again each time under {@code no-cache} (conditionally, with the list's {@code ETag}: an
 * unchanged list costs the host a {@code 304}), never kept under {@code no-store}. Failures are not kept: the next
 * verification tries again.
 */
final class PartnerDocuments {

    private static final int MAX_ENTRIES = 10_000;
    /** How long a list is kept to be revalidated with its ETag once it is no longer fresh. */
    private static final Duration REVALIDATE_WITHIN = Duration.ofHours(1);

    private final PartnerFetch fetch;
    private final Duration statusListTtl;
    private final Clock clock;
    private final Cache<String, PartnerKey> keys;
    private final Cache<String, StatusListCopy> statusLists;

    PartnerDocuments(PartnerFetch fetch, VerifyProperties.Fetch limits, Clock clock) {
        this.fetch = fetch;
        this.statusListTtl = limits.statusListCacheTtl();
        this.clock = clock;
        this.keys = Caffeine.newBuilder().expireAfterWrite(limits.keyCacheTtl()).maximumSize(MAX_ENTRIES).build();
        this.statusLists = Caffeine.newBuilder().expireAfterWrite(REVALIDATE_WITHIN).maximumSize(MAX_ENTRIES).build();
    }

    /** The key of a partner's verification method; the caller has checked that the partner is trusted. */
    PartnerKey key(String verificationMethod) throws FetchFailure {
        PartnerKey known = keys.getIfPresent(verificationMethod);
        if (known != null) {
            return known;
        }
        PartnerKey fetched = KeyDocuments.read(verificationMethod, fetch.fetch(verificationMethod));
        keys.put(verificationMethod, fetched);
        return fetched;
    }

    /** The text of a partner's status list credential; the caller has checked that the partner is trusted. */
    String statusList(String url) throws FetchFailure {
        Instant now = clock.instant();
        StatusListCopy known = statusLists.getIfPresent(url);
        if (known != null && now.isBefore(known.freshUntil())) {
            return known.text();
        }
        Fetched fetched = fetch.fetch(url, known == null ? null : known.etag());
        String text = fetched.notModified() ? known.text() : fetched.text();
        Duration fresh = fetched.maxAge().filter(maxAge -> maxAge.compareTo(statusListTtl) < 0).orElse(statusListTtl);
        if (fetched.noStore()) {
            statusLists.invalidate(url);
        } else {
            String etag = fetched.etag() != null ? fetched.etag() : known == null ? null : known.etag();
            statusLists.put(url, new StatusListCopy(text, etag, now.plus(fresh)));
        }
        return text;
    }

    /** A list as fetched: used as it is until {@code freshUntil}, then asked for again with its ETag. */
    private record StatusListCopy(String text, String etag, Instant freshUntil) {
    }
}
