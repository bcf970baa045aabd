package org.makerspace.projections.access;

import java.time.Instant;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.MemberId;

/**
 * A machine's answer to one request. Granted: the level, the certification that grants it, how long the session may
 * last, and until when the certification holds (absent: it never expires). Denied: the reason; the member and
 * certification when they are known (a SUPERVISED certification, for example).
 */
public record AccessDecision(boolean granted, DenialReason reason, MemberId memberId, CertificationId certificationId,
                             CertificationLevel level, Integer maxSessionMinutes, Instant validUntil) {

    static AccessDecision granted(MemberId member, CertificationId certification, CertificationLevel level,
                                  int maxSessionMinutes, Instant validUntil) {
        return new AccessDecision(true, null, member, certification, level, maxSessionMinutes, validUntil);
    }

    static AccessDecision denied(DenialReason reason) {
        return new AccessDecision(false, reason, null, null, null, null, null);
    }

    static AccessDecision denied(DenialReason reason, MemberId member) {
        return new AccessDecision(false, reason, member, null, null, null, null);
    }

    static AccessDecision denied(DenialReason reason, MemberId member, CertificationGrant certification) {
        return new AccessDecision(false, reason, member, certification.certificationId(), certification.level(), null,
                                  certification.validUntil());
    }

    /** {@code granted} or {@code denied}. */
    public String decision() {
        return granted ? "granted" : "denied";
    }

    /** The reason code, or {@code none} for a grant. */
    public String reasonCode() {
        return granted ? "none" : reason.code();
    }
}
