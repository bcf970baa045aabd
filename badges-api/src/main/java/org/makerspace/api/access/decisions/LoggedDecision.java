package org.makerspace.api.access.decisions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import org.bson.Document;
import org.makerspace.projections.access.AccessDecision;
import org.makerspace.projections.access.AccessSubject;

/**
 * One decision as the log keeps it: when, which machine of which lab, who asked (the member when known, the card's
 * keyed fingerprint when a card was shown), the answer and its reason, the session it opened, and the level and basis
 * that decided ({@code certification:<id>} or {@code partner-credential:<id>}). Decisions a controller took from its
 * allowlist are {@code offline}. Documents leave absent values out.
 *
 * @param decision {@code granted} or {@code denied}
 * @param reason   the denial's reason code ({@code no_certification}, …), {@code null} when granted
 * @param level    {@code supervised}, {@code autonomous} or {@code trainer}, when a basis decided
 */
public record LoggedDecision(Instant at, String labId, String machineId, String memberId, String card,
                             String decision, String reason, String sessionId, String level, String basis,
                             boolean offline) {

    public LoggedDecision {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(decision, "decision");
    }

    /**
     * An online decision: the machine's answer to a request, at the time of the request. The member is the one the
     * answer names, else the one asked about (an unknown member id is still worth finding in an audit); a card is
     * kept by its fingerprint.
     */
    public static LoggedDecision online(Instant at, String labId, String machineId, AccessSubject subject,
                                        AccessDecision answer) {
        String basis = answer.certificationId() != null ? "certification:" + answer.certificationId()
                : answer.partnerCredentialId() != null ? "partner-credential:" + answer.partnerCredentialId() : null;
        String member = answer.memberId() != null ? answer.memberId().value()
                : subject instanceof AccessSubject.Member asked ? asked.memberId().value() : null;
        String card = subject instanceof AccessSubject.Card shown ? shown.fingerprint() : null;
        return new LoggedDecision(at, labId, machineId, member, card, answer.decision(),
                                  answer.granted() ? null : answer.reasonCode(),
                                  answer.sessionId(),
                                  answer.level() == null ? null : answer.level().name().toLowerCase(Locale.ROOT),
                                  basis, false);
    }

    Document toDocument() {
        Document document = new Document();
        if (offline) {
            document.append("_id", offlineKey());
        }
        document.append("at", Date.from(at));
        putIfPresent(document, "labId", labId);
        document.append("machineId", machineId);
        putIfPresent(document, "memberId", memberId);
        putIfPresent(document, "card", card);
        document.append("decision", decision);
        putIfPresent(document, "reason", reason);
        putIfPresent(document, "sessionId", sessionId);
        putIfPresent(document, "level", level);
        putIfPresent(document, "basis", basis);
        if (offline) {
            document.append("offline", true);
        }
        return document;
    }

    static LoggedDecision of(Document document) {
        return new LoggedDecision(document.getDate("at").toInstant(), document.getString("labId"),
                                  document.getString("machineId"), document.getString("memberId"),
                                  document.getString("card"), document.getString("decision"),
                                  document.getString("reason"), document.getString("sessionId"),
                                  document.getString("level"), document.getString("basis"),
                                  Boolean.TRUE.equals(document.getBoolean("offline")));
    }

    /**
     * The same machine, moment (to the millisecond the log keeps), card or member and answer make the same key, so
     * a controller that uploads its offline queue again, not knowing whether the first upload arrived, adds nothing.
     */
    String offlineKey() {
        String subject = card != null ? "card:" + card : "member:" + memberId;
        String identity = machineId + "|" + at.toEpochMilli() + "|" + subject + "|" + decision;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "offline:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void putIfPresent(Document document, String field, Object value) {
        if (value != null) {
            document.append(field, value);
        }
    }
}
