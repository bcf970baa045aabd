package org.makerspace.projections.issuance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.member.api.AwardEvidence;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.projections.award.Award;
import org.makerspace.projections.certification.CertificationTerm;
import org.makerspace.projections.credential.ob3.Validity;

/**
 * When an award's credential holds: from the award's business time until the certifications behind it end, by the
 * same rule ({@link CertificationTerm}) and the same facts, sessions included, as the passport and machine access.
 * Each CertificationHeld criterion holds as long as one of the certifications that met it does (the latest end, none
 * if one never ends); the credential holds as long as every such criterion does (the earliest of those ends). An
 * award without such a criterion, or whose certifications never end, has no end.
 */
final class CredentialValidity {

    private CredentialValidity() {
    }

    static Validity of(Award award, Function<CertificationId, Optional<CertificationTerm>> terms) {
        Instant end = null;
        for (AwardEvidence evidence : award.evidence()) {
            if (!(evidence.criterion() instanceof Criterion.CertificationHeld)) {
                continue;
            }
            Instant criterionEnd = criterionEnd(evidence, terms);
            if (criterionEnd != null && (end == null || criterionEnd.isBefore(end))) {
                end = criterionEnd;
            }
        }
        return new Validity(award.awardedAt(), end == null ? null : afterStart(award.awardedAt(), end));
    }

    /** The latest end among the criterion's certifications, or null when one of them never ends. */
    private static Instant criterionEnd(AwardEvidence evidence,
                                        Function<CertificationId, Optional<CertificationTerm>> terms) {
        Instant latest = null;
        for (String id : evidence.evidenceIds()) {
            Optional<CertificationTerm> term = terms.apply(CertificationId.of(id));
            if (term.isEmpty()) {
                continue; // a grant always comes before the award that names it; nothing to go by otherwise
            }
            if (term.get().validUntil() == null) {
                return null;
            }
            if (latest == null || term.get().validUntil().isAfter(latest)) {
                latest = term.get().validUntil();
            }
        }
        return latest;
    }

    /**
     * Validity is kept to whole seconds. A certification valid at the award's time ends after it, but may end in the
     * same second: the credential then ends one second after it starts rather than not at all.
     */
    private static Instant afterStart(Instant validFrom, Instant end) {
        Instant start = validFrom.truncatedTo(ChronoUnit.SECONDS);
        return end.truncatedTo(ChronoUnit.SECONDS).isAfter(start) ? end : start.plusSeconds(1);
    }
}
