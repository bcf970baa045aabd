package org.makerspace.projections.award;

import java.util.List;
import org.makerspace.ledger.achievement.api.Criterion;

/** A criterion of an awarded achievement and the ids of the trainings, certifications or contributions that met it. */
public record CriterionEvidence(Criterion criterion, List<String> evidenceIds) {

    public CriterionEvidence {
        evidenceIds = List.copyOf(evidenceIds);
    }
}
