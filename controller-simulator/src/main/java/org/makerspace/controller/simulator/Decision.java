package org.makerspace.controller.simulator;

import java.time.Instant;

/**
 * What the controller answered a card: granted or denied, and whether the server or its allowlist decided.
 *
 * @param at                when, by the controller's clock (to the millisecond, as it reports it)
 * @param card              the card's fingerprint ({@code cf2_…}), never its UID
 * @param reason            why it was denied, null when granted: the server's codes, and offline also
 *                          {@code allowlist_expired} (fail closed), {@code no_allowlist} (never got one) and
 *                          {@code controller_refused} (the server refused the controller itself: its key)
 * @param sessionId         the granted session's id: the server's, or one made up offline
 * @param level             the level that let the card in ({@code supervised}, {@code autonomous}, {@code trainer})
 * @param maxSessionMinutes how long the session may run before the controller ends it
 * @param memberId          the member, when the server answered (the allowlist names cards only)
 */
public record Decision(Instant at, String card, boolean granted, String reason, boolean offline, String sessionId,
                       String level, Integer maxSessionMinutes, String memberId) {

    /** One line for a person at the machine, or a log: no UID, the card by the start of its fingerprint. */
    public String describe() {
        StringBuilder line = new StringBuilder(granted ? "granted" : "denied").append(offline ? " offline" : " online");
        if (granted) {
            line.append(" session=").append(sessionId).append(" level=").append(level)
                    .append(" maxSessionMinutes=").append(maxSessionMinutes);
        } else {
            line.append(" reason=").append(reason);
        }
        return line.append(" card=").append(card, 0, Math.min(card.length(), 14)).append('…').toString();
    }
}
