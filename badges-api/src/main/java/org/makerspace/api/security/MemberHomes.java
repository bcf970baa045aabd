package org.makerspace.api.security;

import java.util.Optional;

/**
 * Which lab a member belongs to, as far as accounts need to know: a learner account may only be bound to a member
 * of the lab the account is created for. Implemented by the member directory.
 */
public interface MemberHomes {

    /** The member's lab, if the member is known. */
    Optional<String> homeLabOf(String memberId);
}
