package org.makerspace.projections.credential.ob3;

/**
 * One named check of a verification: whether it passed, a precise reason either way for people ({@code detail}),
 * and, for the status check, a stable code for programs ({@code reason}: see {@link StatusReason}); null otherwise.
 */
public record Check(String name, boolean ok, String detail, String reason) {

    public static final String SIGNATURE = "signature";
    public static final String CONTEXTS = "contexts";
    public static final String SAFE_MODE = "safe_mode";
    public static final String SCHEMA = "schema";
    public static final String VALIDITY = "validity";
    public static final String STATUS = "status";
    public static final String ISSUER_TRUSTED = "issuer_trusted";

    public Check(String name, boolean ok, String detail) {
        this(name, ok, detail, null);
    }

    static Check passed(String name, String detail) {
        return new Check(name, true, detail);
    }

    static Check failed(String name, String detail) {
        return new Check(name, false, detail);
    }
}
