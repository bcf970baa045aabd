package org.makerspace.api.security;

import java.time.Instant;
import java.util.Set;

/** What a login (or a password change) answers: the bearer token, its expiry, and the roles it carries. */
record AccessTokenView(String token, Instant expiresAt, Set<Role> roles) {

    static AccessTokenView of(AccessTokens.Issued issued, Account account) {
        return new AccessTokenView(issued.token(), issued.expiresAt(), account.roles());
    }
}
