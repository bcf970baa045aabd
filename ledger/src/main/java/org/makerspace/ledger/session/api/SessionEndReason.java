package org.makerspace.ledger.session.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a session ended, as the controller saw it; {@link #code()} is what controllers send and read back. */
public enum SessionEndReason {
    /** The member stopped, or removed their card. */
    FINISHED,
    /** The session reached its maximum duration. */
    TIME_LIMIT,
    /** The member's permission was revoked, suspended or expired while the machine ran. */
    PERMISSION_REVOKED,
    /** The lab or machine closed. */
    CLOSING_TIME,
    /** The machine or its controller failed, or lost power. */
    FAULT;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SessionEndReason ofCode(String code) {
        for (SessionEndReason reason : values()) {
            if (reason.code().equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown session end reason '" + code + "': expected one of finished, "
                                           + "time_limit, permission_revoked, closing_time, fault");
    }
}
