package org.makerspace.projections.credential.ob3;

/**
 * What the status check found, as a stable code: a credential is verified only when its status is {@link #ACTIVE}
 * (or it names no status list, {@link #NO_STATUS_LIST}). A list that cannot be fetched, or whose signature, issuer or
 * purpose does not hold, is never taken as "not revoked": the verifier says so instead of guessing.
 */
public final class StatusReason {

    /** Every status entry points at a clear bit. */
    public static final String ACTIVE = "active";
    /** The credential names no status list: nothing can revoke it. */
    public static final String NO_STATUS_LIST = "no_status_list";
    public static final String REVOKED = "revoked";
    public static final String SUSPENDED = "suspended";
    /** A status list could not be fetched (unreachable, an error answer, too slow, too large). */
    public static final String UNAVAILABLE = "status_unavailable";
    /** A status list was fetched but is not to be believed, or an entry cannot be checked against it. */
    public static final String INVALID = "status_invalid";
    /** The status was not looked at: an earlier check failed, or the issuer is not trusted. */
    public static final String NOT_CHECKED = "not_checked";

    private StatusReason() {
    }
}
