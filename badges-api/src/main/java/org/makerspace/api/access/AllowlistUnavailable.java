package org.makerspace.api.access;

/**
 * The allowlist cannot be signed yet: the machine's lab has no signing key, which its registration creates moments
 * later. Worth retrying shortly, hence not a 500.
 */
public class AllowlistUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AllowlistUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
