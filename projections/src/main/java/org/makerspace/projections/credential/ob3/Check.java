package org.makerspace.projections.credential.ob3;

/** One named check of a verification: whether it passed, and a precise reason either way. */
public record Check(String name, boolean ok, String detail) {

    public static final String SIGNATURE = "signature";
    public static final String CONTEXTS = "contexts";
    public static final String SAFE_MODE = "safe_mode";
    public static final String SCHEMA = "schema";
    public static final String VALIDITY = "validity";
    public static final String STATUS = "status";
    public static final String ISSUER_TRUSTED = "issuer_trusted";

    static Check passed(String name, String detail) {
        return new Check(name, true, detail);
    }

    static Check failed(String name, String detail) {
        return new Check(name, false, detail);
    }
}
