package org.makerspace.projections.access;

import java.time.Instant;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.projections.certification.CertificationStanding;

/**
 * A partner's credential a member imported, counted as a certification because the machine's lab recognises its
 * achievement. Partners' revocations reach us only through a new import, so it stands VALID until its own end.
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
        return credential.validUntil() != null && !now.isBefore(credential.validUntil())
                ? CertificationStanding.EXPIRED
                : CertificationStanding.VALID;
    }

    @Override
    public String tieBreaker() {
        return "2|" + credential.credentialId();
    }
}
