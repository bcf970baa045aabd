package org.makerspace.projections.access;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a machine refuses someone, in the order the checks run; {@link #code()} is what controllers and metrics see. */
public enum DenialReason {
    UNKNOWN_MACHINE,
    UNKNOWN_CARD,
    UNKNOWN_MEMBER,
    MACHINE_OUT_OF_SERVICE,
    /** Neither the machine (if it has hours of its own) nor its lab is open now. */
    OUTSIDE_OPENING_HOURS,
    MEMBER_SUSPENDED,
    NO_CERTIFICATION,
    EXPIRED,
    SUSPENDED,
    REVOKED,
    /**
     * The best basis is a partner's credential whose issuer's status lists could not be read for longer than the lab's
     * grace period, on a high-risk machine: nobody can say it still holds, so it does not count there.
     */
    PARTNER_STATUS_UNAVAILABLE,
    /**
     * The best basis is valid but below the machine's minimum level (its requirement, set by the lab): a SUPERVISED
     * member on a machine that asks for AUTONOMOUS, whether a trainer is there or not.
     */
    LEVEL_TOO_LOW,
    /**
     * The best certification is at SUPERVISED level, and no trainer of the machine was let in on it within the
     * supervision window: enough with a trainer present, not alone.
     */
    SUPERVISION_REQUIRED;

    /** The lowercase snake_case code, such as {@code machine_out_of_service}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
