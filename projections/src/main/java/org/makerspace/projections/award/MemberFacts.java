package org.makerspace.projections.award;

import static org.makerspace.projections.support.ImmutableLists.appended;
import static org.makerspace.projections.support.ImmutableLists.replaced;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ContributionId;
import org.makerspace.ledger.member.api.ContributionRole;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.TrainingId;

/**
 * What criteria look at for one member: trainings, certifications and contributions, each with its lab. Records
 * are added only when their id is new, so a redelivered event changes nothing.
 */
record MemberFacts(MemberId memberId, List<Training> trainings, List<Certification> certifications,
                   List<Contribution> contributions) {

    record Training(TrainingId trainingId, LabId labId, String courseCode, boolean retracted) {
    }

    /** {@code validUntil} absent: never expires. */
    record Certification(CertificationId certificationId, LabId labId, CertificationScope scope, CertificationLevel level,
                         Instant validUntil, boolean suspended, boolean revoked) {

        static Certification of(MachineCertificationGranted event) {
            Instant validUntil = event.expiry().validUntil(event.grantedAt(), event.grantedAt()).orElse(null);
            return new Certification(event.certificationId(), event.labId(), event.scope(), event.level(), validUntil,
                                     false, false);
        }

        boolean validAt(Instant at) {
            return !suspended && !revoked && (validUntil == null || at.isBefore(validUntil));
        }
    }

    record Contribution(ContributionId contributionId, LabId labId, ContributionRole role, boolean retracted) {
    }

    MemberFacts {
        Objects.requireNonNull(memberId, "memberId");
        trainings = trainings == null ? List.of() : List.copyOf(trainings);
        certifications = certifications == null ? List.of() : List.copyOf(certifications);
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
    }

    static MemberFacts none(MemberId memberId) {
        return new MemberFacts(memberId, List.of(), List.of(), List.of());
    }

    String id() {
        return memberId.value();
    }

    MemberFacts withTraining(Training training) {
        if (trainings.stream().anyMatch(known -> known.trainingId().equals(training.trainingId()))) {
            return this;
        }
        return new MemberFacts(memberId, appended(trainings, training), certifications, contributions);
    }

    MemberFacts withTrainingRetracted(TrainingId id) {
        return new MemberFacts(memberId, replaced(trainings, Training::trainingId, id,
                                                  known -> new Training(known.trainingId(), known.labId(), known.courseCode(), true)),
                               certifications, contributions);
    }

    MemberFacts withCertification(Certification certification) {
        if (certification(certification.certificationId()).isPresent()) {
            return this;
        }
        return new MemberFacts(memberId, trainings, appended(certifications, certification), contributions);
    }

    MemberFacts withCertificationSuspended(CertificationId id, boolean suspended) {
        return new MemberFacts(memberId, trainings, replaced(certifications, Certification::certificationId, id,
                known -> known.revoked() ? known : new Certification(known.certificationId(), known.labId(), known.scope(),
                                                                     known.level(), known.validUntil(), suspended, false)),
                               contributions);
    }

    MemberFacts withCertificationRevoked(CertificationId id) {
        return new MemberFacts(memberId, trainings, replaced(certifications, Certification::certificationId, id,
                known -> new Certification(known.certificationId(), known.labId(), known.scope(), known.level(),
                                           known.validUntil(), false, true)),
                               contributions);
    }

    Optional<Certification> certification(CertificationId id) {
        return certifications.stream().filter(known -> known.certificationId().equals(id)).findFirst();
    }

    MemberFacts withContribution(Contribution contribution) {
        if (contributions.stream().anyMatch(known -> known.contributionId().equals(contribution.contributionId()))) {
            return this;
        }
        return new MemberFacts(memberId, trainings, certifications, appended(contributions, contribution));
    }

    MemberFacts withContributionRetracted(ContributionId id) {
        return new MemberFacts(memberId, trainings, certifications, replaced(contributions, Contribution::contributionId, id,
                known -> new Contribution(known.contributionId(), known.labId(), known.role(), true)));
    }
}
