package org.makerspace.api.openbadges.verify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Partners' verification methods and status lists, fetched through {@link PartnerFetch} and kept for a short while:
 * keys rarely change and a verifier asked about many credentials of one partner should not ask the partner each time;
 * status lists change, so they are kept for less. Failures are not kept: the next verification tries again.
 */
final class PartnerDocuments {

    private static final int MAX_ENTRIES = 10_000;

    private final PartnerFetch fetch;
    private final Cache<String, PartnerKey> keys;
    private final Cache<String, String> statusLists;

    PartnerDocuments(PartnerFetch fetch, VerifyProperties.Fetch limits) {
        this.fetch = fetch;
        this.keys = Caffeine.newBuilder().expireAfterWrite(limits.keyCacheTtl()).maximumSize(MAX_ENTRIES).build();
        this.statusLists = Caffeine.newBuilder().expireAfterWrite(limits.statusListCacheTtl())
                .maximumSize(MAX_ENTRIES).build();
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
        String known = statusLists.getIfPresent(url);
        if (known != null) {
            return known;
        }
        String fetched = fetch.fetch(url);
        statusLists.put(url, fetched);
        return fetched;
    }
}
