package org.makerspace.projections.issuance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.projections.award.AwardMade;
import org.makerspace.projections.award.CriterionEvidence;
import org.makerspace.projections.award.HeldCertification;
import org.makerspace.projections.credential.ob3.Validity;

/**
 * When an award's credential holds: from the award's business time until the certifications behind it expire. Each
 * CertificationHeld criterion holds as long as one of the certifications that met it does (the latest end, none if
 * one never expires); the credential holds as long as every such criterion does (the earliest of those ends). An
 * award without such a criterion, or whose certifications never expire, has no end.
 */
final class CredentialValidity {

    private CredentialValidity() {
    }

    static Validity of(AwardMade made) {
        Map<String, HeldCertification> held = new HashMap<>();
        made.certifications().forEach(certification -> held.put(certification.certificationId().value(), certification));
        Instant end = null;
        for (CriterionEvidence evidence : made.award().evidence()) {
            if (!(evidence.criterion() instanceof Criterion.CertificationHeld)) {
                continue;
            }
            Instant criterionEnd = criterionEnd(evidence, held);
            if (criterionEnd != null && (end == null || criterionEnd.isBefore(end))) {
                end = criterionEnd;
            }
        }
        return new Validity(made.award().awardedAt(), end == null ? null : afterStart(made.award().awardedAt(), end));
    }

    /** The latest end among the criterion's certifications, or null when one of them never expires. */
    private static Instant criterionEnd(CriterionEvidence evidence, Map<String, HeldCertification> held) {
        Instant latest = null;
        for (String id : evidence.evidenceIds()) {
            HeldCertification certification = held.get(id);
            if (certification == null) {
                continue; // the award projection names every certification it used; nothing to go by otherwise
            }
            if (certification.validUntil() == null) {
                return null;
            }
            if (latest == null || certification.validUntil().isAfter(latest)) {
                latest = certification.validUntil();
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
