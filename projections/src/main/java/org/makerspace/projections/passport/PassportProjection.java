package org.makerspace.projections.passport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.MemberRegistered;
import org.makerspace.ledger.member.api.MemberReinstated;
import org.makerspace.ledger.member.api.MemberSuspended;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.TrainingRecordRetracted;
import org.makerspace.ledger.member.api.WorkshopContributionRecorded;
import org.makerspace.ledger.member.api.WorkshopContributionRetracted;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.award.Award;
import org.makerspace.projections.award.MemberAwardsReader;
import org.makerspace.projections.recognition.ImportedCredential;
import org.makerspace.projections.recognition.ImportedCredentialsReader;
import org.makerspace.projections.support.RowCollection;

/**
 * Keeps one passport document per member from the member's events, and the sessions started under their
 * certifications. Earned achievements and imported credentials are not copied here: the query joins their read models
 * by member id, so each has one writer and each rebuilds on its own. Its processing group runs in one sequence: a
 * session must meet the certification it is a use of, and the machine it happened on.
 */
@ProcessingGroup(PassportProjection.PROCESSING_GROUP)
public class PassportProjection {

    public static final String PROCESSING_GROUP = "passport";
    static final String PASSPORTS = "passport_members";
    static final String MACHINES = "passport_machines";

    private final RowCollection<PassportRow> passports;
    private final RowCollection<PassportMachine> machines;
    private final MemberAwardsReader awards;
    private final ImportedCredentialsReader imported;

    public PassportProjection(LedgerStorage storage) {
        this.passports = new RowCollection<>(storage, PASSPORTS, PassportRow.class, PassportRow::id);
        this.machines = new RowCollection<>(storage, MACHINES, PassportMachine.class, PassportMachine::id);
        this.awards = new MemberAwardsReader(storage);
        this.imported = new ImportedCredentialsReader(storage);
    }

    /** The passport as of the query's time, or null for a member the ledger does not know. */
    @QueryHandler
    public MemberPassport find(FindMemberPassport query) {
        Optional<PassportRow> found = passports.find(query.memberId().value());
        if (found.isEmpty()) {
            return null;
        }
        PassportRow row = found.get();
        List<CertificationView> certifications = new ArrayList<>(row.certifications().size());
        for (CertificationEntry certification : row.certifications()) {
            certifications.add(new CertificationView(certification, certification.statusAt(query.at())));
        }
        List<EarnedAchievement> achievements = new ArrayList<>();
        for (Award award : awards.memberAwards(row.memberId()).awards()) {
            achievements.add(new EarnedAchievement(award.awardId(), award.achievementId(), award.achievementVersion(),
                                                   award.awardedAt()));
        }
        return new MemberPassport(row.memberId(), row.labId(), row.registeredAt(), row.suspension(), query.at(),
                                  row.trainings(), List.copyOf(certifications), row.contributions(),
                                  PassportTotals.of(row.trainings(), row.contributions()), List.copyOf(achievements),
                                  importedBy(row.memberId(), query.at()));
    }

    /** The partners' credentials imported by {@code at}, as the passport shows the ledger as of that time. */
    private List<ImportedCredential> importedBy(MemberId member, Instant at) {
        return imported.of(member).credentials().stream()
                .filter(credential -> !credential.importedAt().isAfter(at))
                .toList();
    }

    @EventHandler
    void on(MemberRegistered event) {
        update(event.memberId(), row -> row.registered(event.labId(), event.registeredAt()));
    }

    @EventHandler
    void on(MemberSuspended event) {
        update(event.memberId(), row -> row.suspended(event.reason(), event.suspendedAt()));
    }

    @EventHandler
    void on(MemberReinstated event) {
        update(event.memberId(), PassportRow::reinstated);
    }

    @EventHandler
    void on(TrainingCompleted event) {
        update(event.memberId(), row -> row.withTraining(TrainingEntry.of(event)));
    }

    @EventHandler
    void on(TrainingRecordRetracted event) {
        update(event.memberId(), row -> row.withTrainingChanged(
                event.trainingId(), training -> training.retracted(event.reason(), event.retractedAt())));
    }

    @EventHandler
    void on(MachineCertificationGranted event) {
        update(event.memberId(), row -> row.withCertification(CertificationEntry.of(event)));
    }

    @EventHandler
    void on(MachineCertificationSuspended event) {
        update(event.memberId(), row -> row.withCertificationChanged(
                event.certificationId(), certification -> certification.suspended(event.reason(), event.suspendedAt())));
    }

    @EventHandler
    void on(MachineCertificationReinstated event) {
        update(event.memberId(), row -> row.withCertificationChanged(event.certificationId(), CertificationEntry::reinstated));
    }

    @EventHandler
    void on(MachineCertificationRevoked event) {
        update(event.memberId(), row -> row.withCertificationChanged(
                event.certificationId(), certification -> certification.revoked(event.reason(), event.revokedAt())));
    }

    @EventHandler
    void on(MachineRegistered event) {
        if (machines.find(PassportMachine.key(event.labId(), event.machineId())).isEmpty()) {
            machines.save(new PassportMachine(event.labId(), event.machineId(), event.machineType()));
        }
    }

    /** A use of every certification of the member covering the machine: it moves "N months without use" on. */
    @EventHandler
    void on(MachineSessionStarted event) {
        machines.find(PassportMachine.key(event.labId(), event.machineId())).ifPresent(machine -> update(
                event.memberId(), row -> row.withCertificationsUsed(machine.labId(), machine.machineId(),
                                                                     machine.machineType(), event.startedAt())));
    }

    @EventHandler
    void on(WorkshopContributionRecorded event) {
        update(event.memberId(), row -> row.withContribution(ContributionEntry.of(event)));
    }

    @EventHandler
    void on(WorkshopContributionRetracted event) {
        update(event.memberId(), row -> row.withContributionChanged(
                event.contributionId(), contribution -> contribution.retracted(event.reason(), event.retractedAt())));
    }

    @ResetHandler
    void reset() {
        passports.clear();
        machines.clear();
    }

    private void update(MemberId member, UnaryOperator<PassportRow> change) {
        PassportRow known = passports.find(member.value()).orElseGet(() -> PassportRow.empty(member));
        PassportRow updated = change.apply(known);
        if (!updated.equals(known)) {
            passports.save(updated);
        }
    }
}
