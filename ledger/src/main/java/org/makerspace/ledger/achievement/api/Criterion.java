package org.makerspace.ledger.achievement.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.ContributionRole;

/** One condition of an achievement; a member earns the achievement when every criterion holds. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Criterion.TrainingCompleted.class, name = "training-completed"),
        @JsonSubTypes.Type(value = Criterion.CertificationHeld.class, name = "certification-held"),
        @JsonSubTypes.Type(value = Criterion.ContributionsMade.class, name = "contributions-made")
})
public sealed interface Criterion {

    /** Holds when the member completed a training of this course code. */
    record TrainingCompleted(String courseCode) implements Criterion {
        public TrainingCompleted {
            if (courseCode == null || courseCode.isBlank()) {
                throw new IllegalArgumentException("a training criterion needs a course code");
            }
        }
    }

    /** Holds while the member has a valid certification on this machine type at this level or above. */
    record CertificationHeld(MachineType machineType, CertificationLevel minimumLevel) implements Criterion {
        public CertificationHeld {
            Objects.requireNonNull(machineType, "machineType");
            Objects.requireNonNull(minimumLevel, "minimumLevel");
        }
    }

    /** Holds when the member made at least {@code count} contributions in this role. */
    record ContributionsMade(ContributionRole role, int count) implements Criterion {
        public ContributionsMade {
            Objects.requireNonNull(role, "role");
            if (count < 1) {
                throw new IllegalArgumentException("a contribution criterion needs a count of at least 1, but was " + count);
            }
        }
    }
}
