package org.makerspace.projections.usage;

import java.time.Duration;
import java.time.Instant;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.session.api.SessionEndReason;

/**
 * One session as usage needs it; the end fields are null while it runs (or until its end is reported).
 * {@code minutes} is what the controller measured, else the time between start and end.
 */
record SessionUsage(String sessionId, MemberId memberId, Instant startedAt, boolean decidedOffline, Instant endedAt,
                    SessionEndReason endReason, Integer minutes, Long energyWh) {

    static SessionUsage started(String sessionId, MemberId member, Instant at, boolean offline) {
        return new SessionUsage(sessionId, member, at, offline, null, null, null, null);
    }

    SessionUsage ended(Instant at, SessionEndReason reason, Integer measuredMinutes, Long energy) {
        Integer used = measuredMinutes != null ? measuredMinutes
                : (int) Duration.between(startedAt, at).toMinutes();
        return new SessionUsage(sessionId, memberId, startedAt, decidedOffline, at, reason, used, energy);
    }
}
