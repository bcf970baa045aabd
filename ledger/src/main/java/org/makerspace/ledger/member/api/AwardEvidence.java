package org.makerspace.ledger.member.api;

import java.util.List;
import java.util.Objects;
import org.makerspace.ledger.achievement.api.Criterion;

/** A criterion of an awarded achievement and the ids of the trainings, certifications or contributions that met it. */
public record AwardEvidence(Criterion criterion, List<String> evidenceIds) {

    public AwardEvidence {
        Objects.requireNonNull(criterion, "criterion");
        evidenceIds = List.copyOf(evidenceIds);
    }
}
