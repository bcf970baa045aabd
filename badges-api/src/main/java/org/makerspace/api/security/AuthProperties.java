package org.makerspace.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long logins last and how credentials are cached.
 *
 * @param tokenLifetime  how long an access token from {@code POST /api/auth/login} is valid
 * @param cacheSize      access tokens and machine keys kept in memory after their first lookup (least recently used
 *                       ones leave first)
 * @param cacheLifetime  how long a cached credential is trusted before it is looked up again; bounds how long a
 *                       logout, a password change or a key rotation on another node takes to reach this one
 * @param failuresPerMinute refused logins, tokens and machine keys one client address may send per minute (a token
 *                          bucket of this size); beyond, its credentials are not even checked: 429 with
 *                          {@code Retry-After}, counted in {@code ledger.auth.throttled}
 */
@ConfigurationProperties("ledger.auth")
public record AuthProperties(@DefaultValue("12h") Duration tokenLifetime,
                             @DefaultValue("10000") int cacheSize,
                             @DefaultValue("1m") Duration cacheLifetime,
                             @DefaultValue("60") int failuresPerMinute) {
}
