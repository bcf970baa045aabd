package org.makerspace.projections.passport;

import static org.makerspace.projections.support.ImmutableLists.appended;
import static org.makerspace.projections.support.ImmutableLists.replaced;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.ContributionId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.TrainingId;

/**
 * The stored passport of one member. Every transition is keyed by an id the event carries and adds a record only
 * when its id is new, so applying an event again leaves the row as it was.
 */
record PassportRow(MemberId memberId, LabId labId, Instant registeredAt, StatusChange suspension,
                   List<TrainingEntry> trainings, List<CertificationEntry> certifications,
                   List<ContributionEntry> contributions) {

    PassportRow {
        Objects.requireNonNull(memberId, "memberId");
        trainings = trainings == null ? List.of() : List.copyOf(trainings);
        certifications = certifications == null ? List.of() : List.copyOf(certifications);
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
    }

    static PassportRow empty(MemberId memberId) {
        return new PassportRow(memberId, null, null, null, List.of(), List.of(), List.of());
    }

    String id() {
        return memberId.value();
    }

    PassportRow registered(LabId lab, Instant at) {
        return new PassportRow(memberId, lab, at, suspension, trainings, certifications, contributions);
    }

    PassportRow suspended(String reason, Instant at) {
        return new PassportRow(memberId, labId, registeredAt, new StatusChange(reason, at), trainings, certifications,
                               contributions);
    }

    PassportRow reinstated() {
        return new PassportRow(memberId, labId, registeredAt, null, trainings, certifications, contributions);
    }

    PassportRow withTraining(TrainingEntry training) {
        if (trainings.stream().anyMatch(existing -> existing.trainingId().equals(training.trainingId()))) {
            return this;
        }
        return new PassportRow(memberId, labId, registeredAt, suspension, appended(trainings, training), certifications,
                               contributions);
    }

    PassportRow withTrainingChanged(TrainingId id, UnaryOperator<TrainingEntry> change) {
        return new PassportRow(memberId, labId, registeredAt, suspension,
                               replaced(trainings, TrainingEntry::trainingId, id, change), certifications, contributions);
    }

    PassportRow withCertification(CertificationEntry certification) {
        if (certifications.stream().anyMatch(existing -> existing.certificationId().equals(certification.certificationId()))) {
            return this;
        }
        return new PassportRow(memberId, labId, registeredAt, suspension, trainings,
                               appended(certifications, certification), contributions);
    }

    PassportRow withCertificationChanged(CertificationId id, UnaryOperator<CertificationEntry> change) {
        return new PassportRow(memberId, labId, registeredAt, suspension, trainings,
                               replaced(certifications, CertificationEntry::certificationId, id, change), contributions);
    }

    /** A session started on a machine: a use of each of the member's certifications that covers it. */
    PassportRow withCertificationsUsed(LabId machineLab, MachineId machine, MachineType machineType, Instant at) {
        List<CertificationEntry> used = new ArrayList<>(certifications.size());
        for (CertificationEntry certification : certifications) {
            used.add(certification.coveredBy(machineLab, machine, machineType) ? certification.usedAt(at) : certification);
        }
        return new PassportRow(memberId, labId, registeredAt, suspension, trainings, used, contributions);
    }

    PassportRow withContribution(ContributionEntry contribution) {
        if (contributions.stream().anyMatch(existing -> existing.contributionId().equals(contribution.contributionId()))) {
            return this;
        }
        return new PassportRow(memberId, labId, registeredAt, suspension, trainings, certifications,
                               appended(contributions, contribution));
    }

    PassportRow withContributionChanged(ContributionId id, UnaryOperator<ContributionEntry> change) {
        return new PassportRow(memberId, labId, registeredAt, suspension, trainings, certifications,
                               replaced(contributions, ContributionEntry::contributionId, id, change));
    }
}
