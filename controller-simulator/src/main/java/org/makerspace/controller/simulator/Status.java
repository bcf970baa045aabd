package org.makerspace.controller.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * What the controller knows of itself at one moment.
 *
 * @param online            whether its last request reached the server
 * @param streaming         whether its stream is open
 * @param labId             the lab its allowlist is signed for, null before the first verified document
 * @param allowlistVersion  the version it decides from (the signed document's, or a later change's)
 * @param expiresAt         when it will fail closed unless it reaches the server
 * @param failsClosed       whether it refuses everyone when offline now: no document, or an expired one
 * @param session           the session running on the machine, null if none
 * @param queued            reports waiting to be uploaded
 * @param rejectedReports   reports the server refused for good (in {@code rejected/})
 * @param rejectedDocuments signed documents it refused to trust since it started (tampered, unknown key…)
 * @param lastRejection     why it refused the last of them, null if none
 * @param clockSkew         the server's clock minus its own, at the last check; null if never checked
 */
public record Status(boolean online, boolean streaming, String labId, Long allowlistVersion, Instant expiresAt,
                     Integer entries, boolean failsClosed, Session session, int queued, int rejectedReports,
                     int rejectedDocuments, String lastRejection, Duration clockSkew) {

    /** A few lines for a person at a terminal. */
    public String describe() {
        return String.join("\n",
                           "online: " + online + (streaming ? " (stream open)" : " (no stream)"),
                           "allowlist: " + (allowlistVersion == null ? "none"
                                   : "version " + allowlistVersion + ", " + entries + " cards, lab " + labId
                                     + ", expires " + expiresAt),
                           "offline decisions: " + (failsClosed ? "refuse everyone (fail closed)" : "from the allowlist"),
                           "session: " + (session == null ? "none"
                                   : session.sessionId() + " since " + session.startedAt() + " until "
                                     + session.deadline() + " (" + session.deadlineReason() + ")"),
                           "queued reports: " + queued + (rejectedReports > 0 ? ", rejected: " + rejectedReports : ""),
                           "refused documents: " + rejectedDocuments
                           + (lastRejection == null ? "" : " (last: " + lastRejection + ")"),
                           "clock skew (server - controller): " + (clockSkew == null ? "unknown" : clockSkew.toMillis() + " ms"));
    }
}
