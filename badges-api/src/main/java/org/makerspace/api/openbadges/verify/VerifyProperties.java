package org.makerspace.api.openbadges.verify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits of public verification and of fetching from partners.
 *
 * @param requestsPerMinute verifications one client address may ask for per minute (a token bucket of this size,
 *                          refilled evenly); beyond, 429 with {@code Retry-After}
 * @param maxJsonSize       the largest credential accepted as JSON-LD or JWT
 * @param maxImageSize      the largest baked PNG or SVG accepted
 * @param fetch             how partners' keys and status lists are fetched
 */
@ConfigurationProperties("ledger.verify")
public record VerifyProperties(@DefaultValue("30") int requestsPerMinute,
                               @DefaultValue("256KB") DataSize maxJsonSize,
                               @DefaultValue("2MB") DataSize maxImageSize,
                               @DefaultValue Fetch fetch) {

    /**
     * @param connectTimeout     to open a connection to a partner
     * @param readTimeout        for the whole answer once connected
     * @param maxDocumentSize    the largest key document or status list accepted
     * @param keyCacheTtl        how long a fetched key is used before it is fetched again
     * @param statusListCacheTtl how long a fetched status list is used before it is fetched again
     * @param maxRedirects       redirects followed within the partner's own host; one to another host is refused
     * @param allowHttpToLoopback for tests only: also fetch over plain http from a loopback address
     */
    public record Fetch(@DefaultValue("2s") Duration connectTimeout,
                        @DefaultValue("3s") Duration readTimeout,
                        @DefaultValue("256KB") DataSize maxDocumentSize,
                        @DefaultValue("5m") Duration keyCacheTtl,
                        @DefaultValue("1m") Duration statusListCacheTtl,
                        @DefaultValue("3") int maxRedirects,
                        @DefaultValue("false") boolean allowHttpToLoopback) {

        /** The defaults, with plain http to loopback allowed or not. */
        public static Fetch defaults(boolean allowHttpToLoopback) {
            return new Fetch(Duration.ofSeconds(2), Duration.ofSeconds(3), DataSize.ofKilobytes(256),
                             Duration.ofMinutes(5), Duration.ofMinutes(1), 3, allowHttpToLoopback);
        }
    }
}
