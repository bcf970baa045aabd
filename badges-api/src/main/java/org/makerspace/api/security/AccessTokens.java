package org.makerspace.api.security;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.makerspace.api.security.AuthFailures.Kind;
import org.makerspace.api.security.CallerAuthentication.Credential;
import org.makerspace.ledger.storage.DurabilityBarrier;
import org.makerspace.ledger.storage.LedgerStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Access tokens handed out by a login: 32 random bytes, base64url, stored only as their SHA-256 hash (the
 * {@code _id} of the {@code access_tokens} collection) with the username and the expiry. A token stands for its
 * account as the account is when the token is looked up, and stops working at its expiry, at logout, or when the
 * account's password changes.
 */
@Component
class AccessTokens {

    static final String COLLECTION = "access_tokens";
    /** Longer than any token we issue, shorter than anything worth hashing. */
    private static final int MAX_LENGTH = 200;
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);

    /** A token as handed to the client: the only time its clear value exists outside the client. */
    record Issued(String token, Instant expiresAt) {
    }

    private final MongoCollection<Document> tokens;
    private final DurabilityBarrier durability;
    private final Accounts accounts;
    private final CredentialCache cache;
    private final AuthFailures failures;
    private final AuthProperties properties;
    private final AtomicLong lastPurge = new AtomicLong();

    AccessTokens(LedgerStorage storage, Accounts accounts, CredentialCache cache, AuthFailures failures,
                 AuthProperties properties) {
        this.tokens = storage.database().getCollection(COLLECTION);
        this.durability = storage.durability();
        this.accounts = accounts;
        this.cache = cache;
        this.failures = failures;
        this.properties = properties;
    }

    Issued issue(Account account) {
        String token = Secrets.randomToken();
        while (token.startsWith(MachineKeys.PREFIX)) {
            token = Secrets.randomToken();
        }
        Instant issuedAt = Accounts.now();
        purgeExpiredNowAndThen(issuedAt);
        Instant expiresAt = issuedAt.plus(properties.tokenLifetime());
        tokens.insertOne(new Document("_id", Secrets.hash(token))
                                 .append("username", account.username())
                                 .append("issuedAt", Date.from(issuedAt))
                                 .append("expiresAt", Date.from(expiresAt)));
        // Not made durable on purpose: a login lost in a crash costs the user one more login, nothing else.
        return new Issued(token, expiresAt);
    }

    /** The caller this token stands for; empty, and counted, when it is unknown, expired, logged out or outdated. */
    Optional<CallerAuthentication> authenticate(String token) {
        if (token.isEmpty() || token.length() > MAX_LENGTH) {
            failures.count(Kind.INVALID_TOKEN);
            return Optional.empty();
        }
        String hash = Secrets.hash(token);
        CredentialCache.Entry entry = cache.get(hash, this::load);
        if (entry == null || !entry.expiresAt().isAfter(Instant.now())) {
            cache.evict(hash);
            failures.count(Kind.INVALID_TOKEN);
            return Optional.empty();
        }
        return Optional.of(new CallerAuthentication(entry.caller(), hash, Credential.ACCESS_TOKEN));
    }

    /** Revokes the token of this hash, durably: a logout the client was told about must survive a crash. */
    void revoke(String hash) {
        tokens.deleteOne(eq("_id", hash));
        durability.awaitDurable();
        cache.evict(hash);
    }

    /** Forgets this user's cached tokens after a password change; their stored issue time now refuses them. */
    void forgetCached(String username) {
        cache.evictUser(username);
    }

    private CredentialCache.Entry load(String hash) {
        Document token = tokens.find(eq("_id", hash)).first();
        if (token == null) {
            return null;
        }
        Instant expiresAt = token.getDate("expiresAt").toInstant();
        Instant issuedAt = token.getDate("issuedAt").toInstant();
        Optional<Account> account = accounts.find(token.getString("username"));
        if (!expiresAt.isAfter(Instant.now()) || account.isEmpty()
                || issuedAt.isBefore(account.get().credentialsChangedAt())) {
            tokens.deleteOne(eq("_id", hash));
            return null;
        }
        return new CredentialCache.Entry(account.get().caller(), expiresAt);
    }

    /**
     * Deletes the tokens that expired, at most once per {@link #PURGE_INTERVAL}, from a login. This is the one query
     * here that is not a lookup by {@code _id}: it scans, rarely, off the path of authenticated requests. (A TTL index
     * would do it on a real MongoDB, but the embedded server does not implement TTL indexes.)
     */
    private void purgeExpiredNowAndThen(Instant now) {
        long previous = lastPurge.get();
        if (now.toEpochMilli() - previous < PURGE_INTERVAL.toMillis()
                || !lastPurge.compareAndSet(previous, now.toEpochMilli())) {
            return;
        }
        long purged = tokens.deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
        log.debug("Deleted {} expired access tokens", purged);
    }
}
