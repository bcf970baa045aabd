package org.makerspace.api.security;

import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.Document;
import org.makerspace.ledger.common.TypedId;

/**
 * An account as stored in the {@code accounts} collection, under its lowercased username.
 *
 * @param accountId            an opaque random id, what the ledger records as the author of the commands sent under
 *                             the account; unlike the username, it says nothing about the person
 * @param credentialsChangedAt access tokens issued before this instant are no longer accepted
 */
record Account(String username, String accountId, String passwordHash, Set<Role> roles, String labId,
               String trainerId, String memberId, Instant createdAt, Instant credentialsChangedAt) {

    /**
     * The roles an account may have together. A learner's account is the person's own and stays apart from work
     * accounts (a trainer must not certify themself, nor an admin read their own file as staff); a platform admin
     * needs no other role.
     */
    static final Set<Set<Role>> ROLE_COMBINATIONS = Set.of(
            EnumSet.of(Role.PLATFORM_ADMIN), EnumSet.of(Role.LAB_ADMIN), EnumSet.of(Role.TRAINER),
            EnumSet.of(Role.LAB_ADMIN, Role.TRAINER), EnumSet.of(Role.LEARNER));

    static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._@+-]{2,63}";
    private static final Pattern USERNAME = Pattern.compile(USERNAME_PATTERN);

    Account {
        roles = EnumSet.copyOf(roles);
    }

    Caller caller() {
        return new Caller(username, roles, labId, trainerId, memberId, null, accountId);
    }

    /** A fresh account id: random, so that it cannot be guessed from the person. */
    static String newAccountId() {
        return "acct-" + UUID.randomUUID();
    }

    /** Usernames are case-insensitive: stored and looked up lowercased. */
    static String normalise(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }

    /**
     * What an account is, checked before it is created: its roles and the scopes those roles need, and no scope that
     * none of its roles uses. Refusals are {@link IllegalArgumentException}s (answered as 400) naming the field.
     */
    record Spec(String username, Set<Role> roles, String labId, String trainerId, String memberId) {

        Spec {
            username = normalise(username);
            if (!USERNAME.matcher(username).matches()) {
                throw new IllegalArgumentException("username must be 3-64 characters: letters, digits, '.', '_', "
                                                   + "'@', '+' or '-', starting with a letter or digit");
            }
            if (roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException("roles: an account needs at least one role");
            }
            roles = EnumSet.copyOf(roles);
            if (roles.contains(Role.MACHINE)) {
                throw new IllegalArgumentException("roles: MACHINE is the role of machine keys, not of accounts");
            }
            if (!ROLE_COMBINATIONS.contains(roles)) {
                throw new IllegalArgumentException("roles: " + roles + " cannot be combined; an account is one of "
                                                   + ROLE_COMBINATIONS);
            }
            boolean labScoped = roles.contains(Role.LAB_ADMIN) || roles.contains(Role.TRAINER);
            requireScope("labId", labId, labScoped, labScoped || roles.contains(Role.LEARNER),
                         "LAB_ADMIN, TRAINER or LEARNER");
            requireScope("trainerId", trainerId, roles.contains(Role.TRAINER), roles.contains(Role.TRAINER),
                         "TRAINER");
            requireScope("memberId", memberId, roles.contains(Role.LEARNER), roles.contains(Role.LEARNER),
                         "LEARNER");
        }

        private static void requireScope(String field, String value, boolean required, boolean allowed,
                                         String roles) {
            if (value == null) {
                if (required) {
                    throw new IllegalArgumentException(field + " is required for " + roles);
                }
                return;
            }
            if (!allowed) {
                throw new IllegalArgumentException(field + " applies only to " + roles);
            }
            TypedId.require(value, field);
        }
    }

    Document toDocument() {
        return new Document("_id", username)
                .append("accountId", accountId)
                .append("passwordHash", passwordHash)
                .append("roles", roles.stream().map(Role::name).toList())
                .append("labId", labId)
                .append("trainerId", trainerId)
                .append("memberId", memberId)
                .append("createdAt", Date.from(createdAt))
                .append("credentialsChangedAt", Date.from(credentialsChangedAt));
    }

    static Account fromDocument(Document document) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        document.getList("roles", String.class).forEach(role -> roles.add(Role.valueOf(role)));
        return new Account(document.getString("_id"), document.getString("accountId"),
                           document.getString("passwordHash"), roles,
                           document.getString("labId"), document.getString("trainerId"),
                           document.getString("memberId"), document.getDate("createdAt").toInstant(),
                           document.getDate("credentialsChangedAt").toInstant());
    }
}
