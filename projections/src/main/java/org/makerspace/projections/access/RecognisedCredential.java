package org.makerspace.projections.access;

import java.time.Instant;
import org.makerspace.ledger.lab.api.RiskLevel;
import org.makerspace.ledger.recognition.api.IssuerStatus;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.projections.certification.CertificationStanding;

/**
 * A partner's credential a member imported, counted as a certification because the machine's lab recognises its
 * achievement, as long as its issuer says it holds: revoked or suspended there, it is so here; until its own end.
 */
record RecognisedCredential(ImportedGrant credential, PartnerRecognition recognition) implements AccessBasis {

    @Override
    public CertificationLevel level() {
        return recognition.level();
    }

    @Override
    public Instant validUntil() {
        return credential.validUntil();
    }

    @Override
    public CertificationStanding standingAt(Instant now) {
        if (credential.issuerStatus() == IssuerStatus.REVOKED) {
            return CertificationStanding.REVOKED;
        }
        if (credential.validUntil() != null && !now.isBefore(credential.validUntil())) {
            return CertificationStanding.EXPIRED;
        }
        return credential.issuerStatus() == IssuerStatus.SUSPENDED ? CertificationStanding.SUSPENDED
                                                                   : CertificationStanding.VALID;
    }

    /**
     * On a machine of this risk: a credential whose issuer has not been reachable for longer than the grace period
     * does not count on a high-risk machine (fail closed), and counts as it stands elsewhere.
     */
    CertificationStanding standingAt(Instant now, RiskLevel risk) {
        CertificationStanding standing = standingAt(now);
        return standing == CertificationStanding.VALID && risk == RiskLevel.HIGH
               && credential.issuerStatus() == IssuerStatus.UNREACHABLE ? CertificationStanding.UNCONFIRMED
                                                                        : standing;
    }

    @Override
    public String tieBreaker() {
        return "2|" + credential.credentialId();
    }
}
