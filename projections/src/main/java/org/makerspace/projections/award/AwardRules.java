package org.makerspace.projections.award;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.AwardEvidence;
import org.makerspace.ledger.member.api.CertificationScope;

/**
 * Whether a member's facts meet every criterion of an achievement, since when, and with which evidence. Only facts at
 * the achievement's lab count; retracted ones never do, and a certification counts at a moment only if it held then
 * by its term and was neither suspended nor revoked then.
 *
 * <p>The criteria are met at the earliest business time at which the facts that had happened by then (trainings
 * completed, contributions made, certifications granted and still holding then) meet every one of them: the latest
 * business time among the facts that together meet them. That moment is always the time of one of the facts, so it
 * is found by trying them in order. It depends on the facts alone, never on the order they were recorded in, nor on
 * when an evaluation runs.
 */
final class AwardRules {

    /** Criteria met at {@code at}, with the facts that met each, as of then. */
    record Met(Instant at, List<AwardEvidence> evidence) {
    }

    private AwardRules() {
    }

    /** When every criterion first held for the member, and why; empty if never (or if there is no criterion). */
    static Optional<Met> earliestMet(List<Criterion> criteria, MemberFacts facts, LabCatalog lab) {
        if (criteria.isEmpty()) {
            return Optional.empty();
        }
        for (Instant candidate : candidateTimes(facts, lab)) {
            Optional<List<AwardEvidence>> evidence = evaluate(criteria, facts, lab, candidate);
            if (evidence.isPresent()) {
                return Optional.of(new Met(candidate, evidence.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * The business times at which a criterion can start to hold, in order: those of the lab's trainings and
     * contributions, and the grants and reinstatements of its certifications.
     */
    private static TreeSet<Instant> candidateTimes(MemberFacts facts, LabCatalog lab) {
        TreeSet<Instant> times = new TreeSet<>();
        facts.trainings().stream().filter(training -> !training.retracted() && training.labId().equals(lab.labId()))
                .forEach(training -> times.add(training.completedAt()));
        facts.contributions().stream()
                .filter(contribution -> !contribution.retracted() && contribution.labId().equals(lab.labId()))
                .forEach(contribution -> times.add(contribution.happenedAt()));
        for (MemberFacts.Certification certification : facts.certifications()) {
            if (certification.labId().equals(lab.labId())) {
                times.add(certification.term().grantedAt());
                certification.suspensions().stream().map(MemberFacts.Suspension::until).filter(Objects::nonNull)
                        .forEach(times::add);
            }
        }
        return times;
    }

    /** The evidence per criterion when every criterion holds at {@code at}; empty otherwise. */
    private static Optional<List<AwardEvidence>> evaluate(List<Criterion> criteria, MemberFacts facts, LabCatalog lab,
                                                          Instant at) {
        List<AwardEvidence> evidence = new ArrayList<>(criteria.size());
        for (Criterion criterion : criteria) {
            List<String> ids = evidenceFor(criterion, facts, lab, at);
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            evidence.add(new AwardEvidence(criterion, ids));
        }
        return Optional.of(evidence);
    }

    /** Java 17 has no pattern switch; the interface is sealed, so the last branch is unreachable. */
    private static List<String> evidenceFor(Criterion criterion, MemberFacts facts, LabCatalog lab, Instant at) {
        if (criterion instanceof Criterion.TrainingCompleted training) {
            return trainings(training, facts, lab, at);
        }
        if (criterion instanceof Criterion.CertificationHeld held) {
            return certifications(held, facts, lab, at);
        }
        if (criterion instanceof Criterion.ContributionsMade made) {
            return contributions(made, facts, lab, at);
        }
        throw new IllegalArgumentException("unknown criterion " + criterion);
    }

    /** Evidence is listed by business time, then id: the same whatever order the facts were recorded in. */
    private static List<String> trainings(Criterion.TrainingCompleted criterion, MemberFacts facts, LabCatalog lab,
                                          Instant at) {
        return facts.trainings().stream()
                .filter(training -> !training.retracted() && training.labId().equals(lab.labId())
                                    && training.courseCode().equals(criterion.courseCode())
                                    && !training.completedAt().isAfter(at))
                .sorted(Comparator.comparing(MemberFacts.Training::completedAt)
                                .thenComparing(training -> training.trainingId().value()))
                .map(training -> training.trainingId().value())
                .toList();
    }

    private static List<String> certifications(Criterion.CertificationHeld criterion, MemberFacts facts, LabCatalog lab,
                                               Instant at) {
        return facts.certifications().stream()
                .filter(certification -> certification.labId().equals(lab.labId()) && certification.countsAt(at)
                                         && certification.level().atLeast(criterion.minimumLevel())
                                         && machineType(certification.scope(), lab)
                                                 .filter(criterion.machineType()::equals).isPresent())
                .sorted(Comparator.comparing((MemberFacts.Certification certification) -> certification.term().grantedAt())
                                .thenComparing(certification -> certification.certificationId().value()))
                .map(certification -> certification.certificationId().value())
                .toList();
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

    /** All countable contributions made by then are evidence once there are enough of them. */
    private static List<String> contributions(Criterion.ContributionsMade criterion, MemberFacts facts, LabCatalog lab,
                                              Instant at) {
        List<String> ids = facts.contributions().stream()
                .filter(contribution -> !contribution.retracted() && contribution.labId().equals(lab.labId())
                                        && contribution.role() == criterion.role()
                                        && !contribution.happenedAt().isAfter(at))
                .sorted(Comparator.comparing(MemberFacts.Contribution::happenedAt)
                                .thenComparing(contribution -> contribution.contributionId().value()))
                .map(contribution -> contribution.contributionId().value())
                .toList();
        return ids.size() >= criterion.count() ? ids : List.of();
    }
}
