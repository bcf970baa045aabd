package org.makerspace.api.security;

import java.time.Instant;
import java.util.Set;

/** An account as the API shows it: never its password hash. */
record AccountView(String username, Set<Role> roles, String labId, String trainerId, String memberId,
                   Instant createdAt) {

    static AccountView of(Account account) {
        return new AccountView(account.username(), account.roles(), account.labId(), account.trainerId(),
                               account.memberId(), account.createdAt());
    }
}
