package org.makerspace.api.member;

import java.util.Optional;

/**
 * A member's choice about their name on their credentials: anonymous unless they chose to show it. The choice is
 * personal data, kept in the member directory with the name and erased with it, never an event: the ledger's
 * credentials stay anonymous, and only the named copies built on request carry the name.
 *
 * @param showName the member chose to show their name
 * @param name     the name named copies would show (the directory's display name), or null once erased
 */
public record CredentialName(boolean showName, String name) {

    /** The name to write into named copies: present only when the member chose to show it and still has one. */
    public Optional<String> shown() {
        return showName && name != null && !name.isBlank() ? Optional.of(name) : Optional.empty();
    }
}
