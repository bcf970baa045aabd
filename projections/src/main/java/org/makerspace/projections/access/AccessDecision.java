package org.makerspace.projections.access;

import java.time.Instant;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.MemberId;

/**
 * A machine's answer to one request. Granted: a session id for the controller to report the session under, the
 * level, what grants it (the lab's certification, or a partner's credential the lab recognises), how long the
 * session may last, and until when the grant holds (absent: it never expires). Denied: the reason; the member and
 * what decided when they are known (a SUPERVISED certification, for example).
 */
public record AccessDecision(boolean granted, DenialReason reason, String sessionId, MemberId memberId,
                             CertificationId certificationId, String partnerCredentialId, CertificationLevel level,
                             Integer maxSessionMinutes, Instant validUntil) {

    /** {@code validUntil}: the basis's own end, or earlier where the machine's requirement ends it sooner. */
    static AccessDecision granted(MemberId member, AccessBasis basis, Instant validUntil, String sessionId,
                                  int maxSessionMinutes) {
        return new AccessDecision(true, null, sessionId, member, certificationOf(basis), partnerCredentialOf(basis),
                                  basis.level(), maxSessionMinutes, validUntil);
    }

    static AccessDecision denied(DenialReason reason) {
        return new AccessDecision(false, reason, null, null, null, null, null, null, null);
    }

    static AccessDecision denied(DenialReason reason, MemberId member) {
        return new AccessDecision(false, reason, null, member, null, null, null, null, null);
    }

    static AccessDecision denied(DenialReason reason, MemberId member, AccessBasis basis, Instant validUntil) {
        return new AccessDecision(false, reason, null, member, certificationOf(basis), partnerCredentialOf(basis),
                                  basis.level(), null, validUntil);
    }

    private static CertificationId certificationOf(AccessBasis basis) {
        return basis instanceof CertificationGrant certification ? certification.certificationId() : null;
    }

    private static String partnerCredentialOf(AccessBasis basis) {
        return basis instanceof RecognisedCredential recognised ? recognised.credential().credentialId() : null;
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
