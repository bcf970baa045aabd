package org.makerspace.projections.award;

import static org.makerspace.projections.support.ImmutableLists.appended;
import static org.makerspace.projections.support.ImmutableLists.replaced;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ContributionId;
import org.makerspace.ledger.member.api.ContributionRole;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.TrainingId;
import org.makerspace.projections.certification.CertificationTerm;

/**
 * What criteria look at for one member: trainings, certifications and contributions, each with its lab and business
 * time, and the achievements the member already holds. Records are added only when their id is new, so a redelivered
 * event changes nothing.
 */
record MemberFacts(MemberId memberId, List<Training> trainings, List<Certification> certifications,
                   List<Contribution> contributions, List<Held> held) {

    /** An achievement the member holds, in the version awarded, dated as the ledger has it. */
    record Held(AchievementId achievementId, int version, Instant awardedAt) {
    }

    record Training(TrainingId trainingId, LabId labId, String courseCode, Instant completedAt, boolean retracted) {
    }

    /**
     * A certification with its term (see {@link CertificationTerm}), the periods it was suspended (the last one open
     * while it still is) and when it was revoked, so that whether it counted at a past moment does not depend on when
     * its suspension or revocation was recorded.
     */
    record Certification(CertificationId certificationId, LabId labId, CertificationScope scope, CertificationLevel level,
                         CertificationTerm term, List<Suspension> suspensions, Instant revokedAt) {

        Certification {
            suspensions = suspensions == null ? List.of() : List.copyOf(suspensions);
        }

        static Certification of(MachineCertificationGranted event) {
            return new Certification(event.certificationId(), event.labId(), event.scope(), event.level(),
                                     CertificationTerm.of(event), List.of(), null);
        }

        /** Counts at {@code at}: granted by then and not ended, not revoked by then, and not suspended then. */
        boolean countsAt(Instant at) {
            return term.holdsAt(at) && (revokedAt == null || at.isBefore(revokedAt))
                   && suspensions.stream().noneMatch(suspension -> suspension.covers(at));
        }

        boolean suspended() {
            return !suspensions.isEmpty() && suspensions.get(suspensions.size() - 1).until() == null;
        }

        boolean revoked() {
            return revokedAt != null;
        }

        Certification withTerm(CertificationTerm changed) {
            return new Certification(certificationId, labId, scope, level, changed, suspensions, revokedAt);
        }

        Certification suspendedAt(Instant at) {
            if (revoked() || suspended()) {
                return this;
            }
            return new Certification(certificationId, labId, scope, level, term,
                                     appended(suspensions, new Suspension(at, null)), revokedAt);
        }

        Certification reinstatedAt(Instant at) {
            if (revoked() || !suspended()) {
                return this;
            }
            Suspension open = suspensions.get(suspensions.size() - 1);
            List<Suspension> closed = new ArrayList<>(suspensions.subList(0, suspensions.size() - 1));
            closed.add(new Suspension(open.from(), at));
            return new Certification(certificationId, labId, scope, level, term, closed, revokedAt);
        }

        Certification revokedAt(Instant at) {
            return revoked() ? this : new Certification(certificationId, labId, scope, level, term, suspensions, at);
        }
    }

    /** A suspension from {@code from} until {@code until} (null: still suspended). */
    record Suspension(Instant from, Instant until) {

        boolean covers(Instant at) {
            return !at.isBefore(from) && (until == null || at.isBefore(until));
        }
    }

    record Contribution(ContributionId contributionId, LabId labId, ContributionRole role, Instant happenedAt,
                        boolean retracted) {
    }

    MemberFacts {
        Objects.requireNonNull(memberId, "memberId");
        trainings = trainings == null ? List.of() : List.copyOf(trainings);
        certifications = certifications == null ? List.of() : List.copyOf(certifications);
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        held = held == null ? List.of() : List.copyOf(held);
    }

    static MemberFacts none(MemberId memberId) {
        return new MemberFacts(memberId, List.of(), List.of(), List.of(), List.of());
    }

    String id() {
        return memberId.value();
    }

    /** The member's award of the achievement; empty while the member does not hold it. */
    Optional<Held> held(AchievementId achievement) {
        return held.stream().filter(known -> known.achievementId().equals(achievement)).findFirst();
    }

    boolean holds(AchievementId achievement) {
        return held(achievement).isPresent();
    }

    /** The member holds this version of the achievement since {@code awardedAt}: once, and only ever earlier. */
    MemberFacts withHeld(AchievementId achievement, int version, Instant awardedAt) {
        Optional<Held> known = held(achievement);
        if (known.isPresent()) {
            return withHeldSince(achievement, awardedAt);
        }
        return new MemberFacts(memberId, trainings, certifications, contributions,
                               appended(held, new Held(achievement, version, awardedAt)));
    }

    /** The award of the achievement is dated {@code awardedAt}, if that is earlier than known. */
    MemberFacts withHeldSince(AchievementId achievement, Instant awardedAt) {
        Optional<Held> known = held(achievement);
        if (known.isEmpty() || !awardedAt.isBefore(known.get().awardedAt())) {
            return this;
        }
        return new MemberFacts(memberId, trainings, certifications, contributions, replaced(
                held, Held::achievementId, achievement, old -> new Held(achievement, old.version(), awardedAt)));
    }

    MemberFacts withTraining(Training training) {
        if (trainings.stream().anyMatch(known -> known.trainingId().equals(training.trainingId()))) {
            return this;
        }
        return new MemberFacts(memberId, appended(trainings, training), certifications, contributions, held);
    }

    MemberFacts withTrainingRetracted(TrainingId id) {
        return new MemberFacts(memberId, replaced(trainings, Training::trainingId, id,
                known -> new Training(known.trainingId(), known.labId(), known.courseCode(), known.completedAt(), true)),
                               certifications, contributions, held);
    }

    MemberFacts withCertification(Certification certification) {
        if (certification(certification.certificationId()).isPresent()) {
            return this;
        }
        return new MemberFacts(memberId, trainings, appended(certifications, certification), contributions, held);
    }

    MemberFacts withCertificationSuspended(CertificationId id, Instant at) {
        return withCertificationChanged(id, known -> known.suspendedAt(at));
    }

    MemberFacts withCertificationReinstated(CertificationId id, Instant at) {
        return withCertificationChanged(id, known -> known.reinstatedAt(at));
    }

    MemberFacts withCertificationRevoked(CertificationId id, Instant at) {
        return withCertificationChanged(id, known -> known.revokedAt(at));
    }

    private MemberFacts withCertificationChanged(CertificationId id, UnaryOperator<Certification> change) {
        return new MemberFacts(memberId, trainings, replaced(certifications, Certification::certificationId, id, change),
                               contributions, held);
    }

    /** A session started on a machine: a use of each certification that covers it. */
    MemberFacts withCertificationsUsed(LabId machineLab, MachineId machine, MachineType machineType, Instant at) {
        List<Certification> used = new ArrayList<>(certifications.size());
        for (Certification certification : certifications) {
            boolean covers = CertificationTerm.covers(certification.labId(), certification.scope(), machineLab, machine,
                                                      machineType);
            used.add(covers ? certification.withTerm(certification.term().usedAt(at)) : certification);
        }
        return new MemberFacts(memberId, trainings, used, contributions, held);
    }

    Optional<Certification> certification(CertificationId id) {
        return certifications.stream().filter(known -> known.certificationId().equals(id)).findFirst();
    }

    MemberFacts withContribution(Contribution contribution) {
        if (contributions.stream().anyMatch(known -> known.contributionId().equals(contribution.contributionId()))) {
            return this;
        }
        return new MemberFacts(memberId, trainings, certifications, appended(contributions, contribution), held);
    }

    MemberFacts withContributionRetracted(ContributionId id) {
        return new MemberFacts(memberId, trainings, certifications, replaced(contributions, Contribution::contributionId, id,
                known -> new Contribution(known.contributionId(), known.labId(), known.role(), known.happenedAt(), true)),
                               held);
    }
}
