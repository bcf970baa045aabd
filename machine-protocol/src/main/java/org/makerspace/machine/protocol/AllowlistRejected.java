package org.makerspace.machine.protocol;

/** A signed allowlist a controller must not use, and why; its message says what was found. */
public final class AllowlistRejected extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Not a compact JWS, or a payload that is not an allowlist document. */
        MALFORMED,
        /** Another kind of token: a wrong algorithm, {@code typ} or header. */
        NOT_AN_ALLOWLIST,
        /** Signed by a key the controller does not hold for its lab. */
        UNKNOWN_KEY,
        /** The signature does not match: altered, or signed by someone else. */
        BAD_SIGNATURE,
        /** A genuine list of another machine. */
        OTHER_MACHINE,
        /** Past its {@code expiresAt}: the controller must reach the server. */
        EXPIRED
    }

    private final Reason reason;

    AllowlistRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
