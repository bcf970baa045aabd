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
 * @param failuresPerMinute password logins (each takes a token, given back when right) and refused tokens and machine
 *                          keys one client address may send per minute (a token bucket of this size); beyond,
 *                          logins are not checked and refused bearer credentials answer 429 with
 *                          {@code Retry-After}, counted in {@code ledger.auth.throttled}; a valid bearer credential
 *                          always passes
 */
@ConfigurationProperties("ledger.auth")
public record AuthProperties(@DefaultValue("12h") Duration tokenLifetime,
                             @DefaultValue("10000") int cacheSize,
                             @DefaultValue("1m") Duration cacheLifetime,
                             @DefaultValue("60") int failuresPerMinute) {
}
