package org.makerspace.projections.award;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.CertificationScope;

/**
 * Whether a member's facts meet every criterion of an achievement at a business time, and with which evidence.
 * Only facts at the achievement's lab count; retracted, suspended, revoked and expired ones never do.
 */
final class AwardRules {

    private AwardRules() {
    }

    /** The evidence per criterion when every criterion holds at {@code at}; empty otherwise. */
    static Optional<List<CriterionEvidence>> evaluate(AchievementDefinition achievement, MemberFacts facts,
                                                      LabCatalog lab, Instant at) {
        if (!achievement.awardable()) {
            return Optional.empty();
        }
        List<CriterionEvidence> evidence = new ArrayList<>(achievement.criteria().size());
        for (Criterion criterion : achievement.criteria()) {
            List<String> ids = evidenceFor(criterion, facts, lab, at);
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            evidence.add(new CriterionEvidence(criterion, ids));
        }
        return Optional.of(evidence);
    }

    /** Java 17 has no pattern switch; the interface is sealed, so the last branch is unreachable. */
    private static List<String> evidenceFor(Criterion criterion, MemberFacts facts, LabCatalog lab, Instant at) {
        if (criterion instanceof Criterion.TrainingCompleted training) {
            return trainings(training, facts, lab);
        }
        if (criterion instanceof Criterion.CertificationHeld held) {
            return certifications(held, facts, lab, at);
        }
        if (criterion instanceof Criterion.ContributionsMade made) {
            return contributions(made, facts, lab);
        }
        throw new IllegalArgumentException("unknown criterion " + criterion);
    }

    private static List<String> trainings(Criterion.TrainingCompleted criterion, MemberFacts facts, LabCatalog lab) {
        List<String> ids = new ArrayList<>();
        for (MemberFacts.Training training : facts.trainings()) {
            if (!training.retracted() && training.labId().equals(lab.labId())
                    && training.courseCode().equals(criterion.courseCode())) {
                ids.add(training.trainingId().value());
            }
        }
        return ids;
    }

    private static List<String> certifications(Criterion.CertificationHeld criterion, MemberFacts facts, LabCatalog lab,
                                               Instant at) {
        List<String> ids = new ArrayList<>();
        for (MemberFacts.Certification certification : facts.certifications()) {
            if (certification.labId().equals(lab.labId()) && certification.validAt(at)
                    && certification.level().atLeast(criterion.minimumLevel())
                    && machineType(certification.scope(), lab).filter(criterion.machineType()::equals).isPresent()) {
                ids.add(certification.certificationId().value());
            }
        }
        return ids;
    }

    /** The machine type a scope certifies: its family, or the registered type of its one machine. */
    private static Optional<MachineType> machineType(CertificationScope scope, LabCatalog lab) {
        if (scope instanceof CertificationScope.MachineFamily family) {
            return Optional.of(family.machineType());
        }
        if (scope instanceof CertificationScope.OneMachine one) {
            return lab.typeOf(one.machineId());
        }
        return Optional.empty();
    }

    /** All countable contributions are evidence once there are enough of them. */
    private static List<String> contributions(Criterion.ContributionsMade criterion, MemberFacts facts, LabCatalog lab) {
        List<String> ids = new ArrayList<>();
        for (MemberFacts.Contribution contribution : facts.contributions()) {
            if (!contribution.retracted() && contribution.labId().equals(lab.labId())
                    && contribution.role() == criterion.role()) {
                ids.add(contribution.contributionId().value());
            }
        }
        return ids.size() >= criterion.count() ? ids : List.of();
    }
}
