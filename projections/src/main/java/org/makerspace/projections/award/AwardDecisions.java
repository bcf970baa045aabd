package org.makerspace.projections.award;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.AchievementRetired;
import org.makerspace.ledger.achievement.api.AchievementRevised;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.member.api.AchievementAwarded;
import org.makerspace.ledger.member.api.AwardId;
import org.makerspace.ledger.member.api.AwardRedated;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.RecordAward;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.TrainingRecordRetracted;
import org.makerspace.ledger.member.api.WorkshopContributionRecorded;
import org.makerspace.ledger.member.api.WorkshopContributionRetracted;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.RowCollection;

/**
 * Decides awards from the ledger and records them in it (see the package description). A member event that adds a
 * countable fact at a lab (a training, a grant, a reinstatement, a contribution, a session that keeps a certification
 * alive) evaluates that lab's active achievements for that member; defining or revising an achievement evaluates it
 * for every member. Every award is recorded through the {@link AwardRecorder}, which returns once the ledger has it;
 * the member's row remembers it only then, and again when the ledger's {@code AchievementAwarded} comes by.
 */
@ProcessingGroup(AwardDecisions.PROCESSING_GROUP)
public class AwardDecisions {

    public static final String PROCESSING_GROUP = "award-decisions";
    static final String DEFINITIONS = "award_decision_definitions";
    static final String LABS = "award_decision_labs";
    static final String FACTS = "award_decision_members";

    private final RowCollection<AchievementDefinition> definitions;
    private final RowCollection<LabCatalog> labs;
    private final RowCollection<MemberFacts> facts;
    private final AwardRecorder recorder;

    public AwardDecisions(LedgerStorage storage, AwardRecorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.definitions = new RowCollection<>(storage, DEFINITIONS, AchievementDefinition.class, AchievementDefinition::id);
        this.labs = new RowCollection<>(storage, LABS, LabCatalog.class, LabCatalog::id);
        this.facts = new RowCollection<>(storage, FACTS, MemberFacts.class, MemberFacts::id);
    }

    // ---------------------------------------------------------------- labs and achievements

    @EventHandler
    void on(MachineRegistered event) {
        LabCatalog lab = lab(event.labId());
        LabCatalog updated = lab.withMachine(event.machineId(), event.machineType());
        if (!updated.equals(lab)) {
            labs.save(updated);
        }
    }

    @EventHandler
    void on(AchievementDefined event, @MessageIdentifier String eventId) {
        Optional<AchievementDefinition> known = definitions.find(event.achievementId().value());
        if (known.isPresent() && known.get().version() > event.version()) {
            return; // redelivered after a revision, which already evaluated every member
        }
        // Redelivered at the same version: keep what is known (a retirement, say) and finish any interrupted run.
        AchievementDefinition achievement = known.orElseGet(() -> AchievementDefinition.of(event));
        definitions.save(achievement);
        labs.save(lab(event.labId()).withAchievement(event.achievementId()));
        awardToEveryMember(achievement, eventId);
    }

    @EventHandler
    void on(AchievementRevised event, @MessageIdentifier String eventId) {
        Optional<AchievementDefinition> known = definitions.find(event.achievementId().value());
        if (known.isEmpty() || event.version() < known.get().version()) {
            return; // never defined here, or an older revision redelivered
        }
        AchievementDefinition achievement = known.get().revised(event);
        definitions.save(achievement);
        awardToEveryMember(achievement, eventId);
    }

    @EventHandler
    void on(AchievementRetired event) {
        definitions.find(event.achievementId().value())
                .ifPresent(achievement -> definitions.save(achievement.retire()));
    }

    // ---------------------------------------------------------------- member facts

    @EventHandler
    void on(TrainingCompleted event, @MessageIdentifier String eventId) {
        MemberFacts member = updateFacts(event.memberId(), known -> known.withTraining(new MemberFacts.Training(
                event.trainingId(), event.labId(), event.courseCode(), event.completedAt(), false)));
        awardWhereEarned(member, event.labId(), eventId);
    }

    @EventHandler
    void on(TrainingRecordRetracted event) {
        updateFacts(event.memberId(), known -> known.withTrainingRetracted(event.trainingId()));
    }

    @EventHandler
    void on(MachineCertificationGranted event, @MessageIdentifier String eventId) {
        MemberFacts member = updateFacts(event.memberId(),
                                         known -> known.withCertification(MemberFacts.Certification.of(event)));
        awardWhereEarned(member, event.labId(), eventId);
    }

    @EventHandler
    void on(MachineCertificationSuspended event) {
        updateFacts(event.memberId(), known -> known.withCertificationSuspended(event.certificationId(),
                                                                                event.suspendedAt()));
    }

    @EventHandler
    void on(MachineCertificationReinstated event, @MessageIdentifier String eventId) {
        MemberFacts member = updateFacts(event.memberId(), known -> known.withCertificationReinstated(
                event.certificationId(), event.reinstatedAt()));
        member.certification(event.certificationId())
                .ifPresent(certification -> awardWhereEarned(member, certification.labId(), eventId));
    }

    @EventHandler
    void on(MachineCertificationRevoked event) {
        updateFacts(event.memberId(), known -> known.withCertificationRevoked(event.certificationId(),
                                                                                 event.revokedAt()));
    }

    @EventHandler
    void on(WorkshopContributionRecorded event, @MessageIdentifier String eventId) {
        MemberFacts member = updateFacts(event.memberId(), known -> known.withContribution(new MemberFacts.Contribution(
                event.contributionId(), event.labId(), event.role(), event.happenedAt(), false)));
        awardWhereEarned(member, event.labId(), eventId);
    }

    @EventHandler
    void on(WorkshopContributionRetracted event) {
        updateFacts(event.memberId(), known -> known.withContributionRetracted(event.contributionId()));
    }

    /** A session keeps the certifications covering its machine alive, which may meet a criterion later in time. */
    @EventHandler
    void on(MachineSessionStarted event, @MessageIdentifier String eventId) {
        LabCatalog lab = lab(event.labId());
        lab.typeOf(event.machineId()).ifPresent(type -> {
            MemberFacts member = updateFacts(event.memberId(), known -> known.withCertificationsUsed(
                    event.labId(), event.machineId(), type, event.startedAt()));
            awardWhereEarned(member, event.labId(), eventId);
        });
    }

    @EventHandler
    void on(AchievementAwarded event) {
        updateFacts(event.memberId(), known -> known.withHeld(event.achievementId(), event.achievementVersion(),
                                                             event.awardedAt()));
    }

    @EventHandler
    void on(AwardRedated event) {
        updateFacts(event.memberId(), known -> known.withHeldSince(event.achievementId(), event.awardedAt()));
    }

    @ResetHandler
    void reset() {
        definitions.clear();
        labs.clear();
        facts.clear();
    }

    // ---------------------------------------------------------------- what reconciliation reads

    /** Every member with facts, with what they hold: a full scan, for the reconciliation after a start. */
    Iterable<MemberFacts> members() {
        return facts.findAll();
    }

    Optional<AchievementDefinition> definition(AchievementId achievement) {
        return definitions.find(achievement.value());
    }

    LabCatalog lab(LabId lab) {
        return labs.find(lab.value()).orElseGet(() -> LabCatalog.empty(lab));
    }

    // ---------------------------------------------------------------- awarding

    private MemberFacts updateFacts(MemberId member, UnaryOperator<MemberFacts> change) {
        MemberFacts known = facts.find(member.value()).orElseGet(() -> MemberFacts.none(member));
        MemberFacts updated = change.apply(known);
        if (!updated.equals(known)) {
            facts.save(updated);
        }
        return updated;
    }

    /** Evaluates every active achievement of the lab the fact belongs to, for one member. */
    private void awardWhereEarned(MemberFacts member, LabId labId, String eventId) {
        LabCatalog lab = lab(labId);
        MemberFacts updated = member;
        for (AchievementId achievementId : lab.achievements()) {
            Optional<AchievementDefinition> achievement = definitions.find(achievementId.value());
            if (achievement.isPresent()) {
                updated = awardIfEarned(updated, achievement.get(), lab, eventId);
            }
        }
        if (!updated.equals(member)) {
            facts.save(updated);
        }
    }

    /** Evaluates one achievement for every member with facts: a scan, on a rare event. */
    private void awardToEveryMember(AchievementDefinition achievement, String eventId) {
        LabCatalog lab = lab(achievement.labId());
        for (MemberFacts member : facts.findAll()) {
            MemberFacts updated = awardIfEarned(member, achievement, lab, eventId);
            if (!updated.equals(member)) {
                facts.save(updated);
            }
        }
    }

    /**
     * Records the award when the criteria are met and the member does not hold it, or holds it dated later than the
     * criteria were met (a fact dated earlier was recorded after the award): the ledger then dates the award earlier.
     */
    private MemberFacts awardIfEarned(MemberFacts member, AchievementDefinition achievement, LabCatalog lab,
                                      String eventId) {
        Optional<AwardRules.Met> met = missing(member, achievement, lab);
        if (met.isEmpty()) {
            return member;
        }
        recorder.record(awardOf(member.memberId(), achievement, eventId, met.get()));
        return member.withHeld(achievement.achievementId(), achievement.version(), met.get().at());
    }

    /**
     * When the criteria were met, if the member holds no award saying so: none (of an achievement still awarded), or
     * one of this very version dated later. An award of an older version keeps its date: its criteria are not known
     * here any more.
     */
    static Optional<AwardRules.Met> missing(MemberFacts member, AchievementDefinition achievement, LabCatalog lab) {
        Optional<MemberFacts.Held> held = member.held(achievement.achievementId());
        if (held.isEmpty()) {
            return achievement.awardable() ? AwardRules.earliestMet(achievement.criteria(), member, lab)
                                           : Optional.empty();
        }
        if (held.get().version() != achievement.version()) {
            return Optional.empty();
        }
        return AwardRules.earliestMet(achievement.criteria(), member, lab)
                .filter(met -> met.at().isBefore(held.get().awardedAt()));
    }

    static RecordAward awardOf(MemberId member, AchievementDefinition achievement, String decidingEventId,
                               AwardRules.Met met) {
        AwardId id = AwardId.of(Award.idFor(member, achievement.achievementId(), achievement.version(), decidingEventId));
        return new RecordAward(member, id, achievement.achievementId(), achievement.version(), achievement.labId(),
                               met.at(), met.evidence());
    }
}
