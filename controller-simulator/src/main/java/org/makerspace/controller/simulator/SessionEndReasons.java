package org.makerspace.controller.simulator;

import java.util.List;

/** Why a session ends, in the protocol's codes ({@code POST …/sessions/{id}/end}). */
final class SessionEndReasons {

    static final String FINISHED = "finished";
    static final String TIME_LIMIT = "time_limit";
    static final String PERMISSION_REVOKED = "permission_revoked";
    static final String CLOSING_TIME = "closing_time";
    static final String FAULT = "fault";

    static final List<String> ALL = List.of(FINISHED, TIME_LIMIT, PERMISSION_REVOKED, CLOSING_TIME, FAULT);

    private SessionEndReasons() {
    }

    /** The reason given, {@link #FINISHED} if none; one the server would refuse is refused here already. */
    static String require(String reason) {
        if (reason == null || reason.isBlank()) {
            return FINISHED;
        }
        if (!ALL.contains(reason)) {
            throw new IllegalArgumentException("a session ends for one of " + String.join(", ", ALL) + ", not '"
                                               + reason + "'");
        }
        return reason;
    }
}
