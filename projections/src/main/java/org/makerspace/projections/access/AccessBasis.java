package org.makerspace.projections.access;

import java.time.Instant;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.projections.certification.CertificationStanding;

/**
 * What may entitle a member to a machine: a certification of the machine's lab, or a trusted partner's credential
 * the lab recognises as one. Both are ranked alike; on a tie, the lab's own certification decides.
 */
public sealed interface AccessBasis permits CertificationGrant, RecognisedCredential {

    CertificationLevel level();

    /** Until when it holds; {@code null}: no end. */
    Instant validUntil();

    CertificationStanding standingAt(Instant now);

    /** Orders bases of equal standing, level and end: certifications first, then by id, so decisions are stable. */
    String tieBreaker();
}
