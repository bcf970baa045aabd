package org.makerspace.projections.award;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.AchievementRetired;
import org.makerspace.ledger.achievement.api.AchievementRevised;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.TrainingRecordRetracted;
import org.makerspace.ledger.member.api.WorkshopContributionRecorded;
import org.makerspace.ledger.member.api.WorkshopContributionRetracted;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.RowCollection;

/**
 * Awards achievements. A member event that adds a countable fact at a lab (a training, a grant, a reinstatement,
 * a contribution) evaluates that lab's active achievements for that member, at the fact's business time; defining
 * or revising an achievement evaluates it for every member, at the event's timestamp. Each award is written once
 * per member and achievement, under an id derived from the triggering event, and told to the {@link AwardListener}
 * (which issues its credential) inside the same handler.
 */
@ProcessingGroup(AwardProjection.PROCESSING_GROUP)
public class AwardProjection {

    public static final String PROCESSING_GROUP = "award";
    static final String DEFINITIONS = "award_definitions";
    static final String LABS = "award_labs";
    static final String FACTS = "award_member_facts";

    private final RowCollection<AchievementDefinition> definitions;
    private final RowCollection<LabCatalog> labs;
    private final RowCollection<MemberFacts> facts;
    private final RowCollection<MemberAwards> memberAwards;
    private final RowCollection<Award> awards;
    private final MemberAwardsReader reader;
    private final AwardListener listener;

    public AwardProjection(LedgerStorage storage) {
        this(storage, AwardListener.NONE);
    }

    public AwardProjection(LedgerStorage storage, AwardListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.definitions = new RowCollection<>(storage, DEFINITIONS, AchievementDefinition.class, AchievementDefinition::id);
        this.labs = new RowCollection<>(storage, LABS, LabCatalog.class, LabCatalog::id);
        this.facts = new RowCollection<>(storage, FACTS, MemberFacts.class, MemberFacts::id);
        this.memberAwards = MemberAwardsReader.memberAwardsOf(storage);
        this.awards = MemberAwardsReader.awardsOf(storage);
        this.reader = new MemberAwardsReader(storage);
    }

    // ---------------------------------------------------------------- queries

    @QueryHandler
    public MemberAwards find(FindMemberAwards query) {
        return reader.memberAwards(query.memberId());
    }

    /** The award, or null when there is none (ask with {@code ResponseTypes.optionalInstanceOf}). */
    @QueryHandler
    public Award find(FindAward query) {
        return reader.award(query.awardId()).orElse(null);
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
    void on(AchievementDefined event, @MessageIdentifier String eventId, @Timestamp Instant timestamp) {
        Optional<AchievementDefinition> known = definitions.find(event.achievementId().value());
        if (known.isPresent() && known.get().version() > event.version()) {
            return; // redelivered after a revision, which already evaluated every member
        }
        // Redelivered at the same version: keep what is known (a retirement, say) and finish any interrupted run.
        AchievementDefinition achievement = known.orElseGet(() -> AchievementDefinition.of(event));
        definitions.save(achievement);
        labs.save(lab(event.labId()).withAchievement(event.achievementId()));
        awardToEveryMember(achievement, eventId, timestamp);
    }

    @EventHandler
    void on(AchievementRevised event, @MessageIdentifier String eventId, @Timestamp Instant timestamp) {
        Optional<AchievementDefinition> known = definitions.find(event.achievementId().value());
        if (known.isEmpty() || event.version() < known.get().version()) {
            return; // never defined here, or an older revision redelivered
        }
        AchievementDefinition achievement = known.get().revised(event);
        definitions.save(achievement);
        awardToEveryMember(achievement, eventId, timestamp);
    }

    @EventHandler
    void on(AchievementRetired event) {
        definitions.find(event.achievementId().value())
                .ifPresent(achievement -> definitions.save(achievement.retire()));
    }

    // ---------------------------------------------------------------- member facts

    @EventHandler
    void on(TrainingCompleted event, @MessageIdentifier String eventId) {
        MemberFacts member = updateFacts(event.memberId(), known -> known.withTraining(
                new MemberFacts.Training(event.trainingId(), event.labId(), event.courseCode(), false)));
        awardWhereEarned(member, event.labId(), eventId, event.completedAt());
    }

    @EventHandler
    void on(TrainingRecordRetracted event) {
        updateFacts(event.memberId(), known -> known.withTrainingRetracted(event.trainingId()));
    }

    @EventHandler
    void on(MachineCertificationGranted event, @MessageIdentifier String eventId) {
        MemberFacts member = updateFacts(event.memberId(),
                                         known -> known.withCertification(MemberFacts.Certification.of(event)));
        awardWhereEarned(member, event.labId(), eventId, event.grantedAt());
    }

    @EventHandler
    void on(MachineCertificationSuspended event) {
        updateFacts(event.memberId(), known -> known.withCertificationSuspended(event.certificationId(), true));
    }

    @EventHandler
    void on(MachineCertificationReinstated event, @MessageIdentifier String eventId) {
        MemberFacts member = updateFacts(event.memberId(),
                                         known -> known.withCertificationSuspended(event.certificationId(), false));
        member.certification(event.certificationId()).ifPresent(
                certification -> awardWhereEarned(member, certification.labId(), eventId, event.reinstatedAt()));
    }

    @EventHandler
    void on(MachineCertificationRevoked event) {
        updateFacts(event.memberId(), known -> known.withCertificationRevoked(event.certificationId()));
    }

    @EventHandler
    void on(WorkshopContributionRecorded event, @MessageIdentifier String eventId) {
        MemberFacts member = updateFacts(event.memberId(), known -> known.withContribution(
                new MemberFacts.Contribution(event.contributionId(), event.labId(), event.role(), false)));
        awardWhereEarned(member, event.labId(), eventId, event.happenedAt());
    }

    @EventHandler
    void on(WorkshopContributionRetracted event) {
        updateFacts(event.memberId(), known -> known.withContributionRetracted(event.contributionId()));
    }

    @ResetHandler
    void reset() {
        definitions.clear();
        labs.clear();
        facts.clear();
        memberAwards.clear();
        awards.clear();
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

    private LabCatalog lab(LabId lab) {
        return labs.find(lab.value()).orElseGet(() -> LabCatalog.empty(lab));
    }

    /** Evaluates every active achievement of the lab the fact belongs to, for one member. */
    private void awardWhereEarned(MemberFacts member, LabId labId, String eventId, Instant at) {
        LabCatalog lab = lab(labId);
        if (lab.achievements().isEmpty()) {
            return;
        }
        MemberAwards held = reader.memberAwards(member.memberId());
        MemberAwards updated = held;
        for (AchievementId achievementId : lab.achievements()) {
            Optional<AchievementDefinition> achievement = definitions.find(achievementId.value());
            if (achievement.isPresent() && !updated.holds(achievementId)) {
                updated = awardIfEarned(updated, member, achievement.get(), lab, eventId, at);
            }
        }
        if (!updated.equals(held)) {
            memberAwards.save(updated);
        }
    }

    /** Evaluates one achievement for every member with facts: a scan, on a rare event. */
    private void awardToEveryMember(AchievementDefinition achievement, String eventId, Instant at) {
        if (!achievement.awardable()) {
            return;
        }
        LabCatalog lab = lab(achievement.labId());
        for (MemberFacts member : facts.findAll()) {
            MemberAwards held = reader.memberAwards(member.memberId());
            if (held.holds(achievement.achievementId())) {
                continue;
            }
            MemberAwards updated = awardIfEarned(held, member, achievement, lab, eventId, at);
            if (!updated.equals(held)) {
                memberAwards.save(updated);
            }
        }
    }

    private MemberAwards awardIfEarned(MemberAwards held, MemberFacts member, AchievementDefinition achievement,
                                       LabCatalog lab, String eventId, Instant at) {
        Optional<List<CriterionEvidence>> evidence = AwardRules.evaluate(achievement, member, lab, at);
        if (evidence.isEmpty()) {
            return held;
        }
        Award award = Award.of(member.memberId(), achievement, eventId, at, evidence.get());
        awards.save(award);
        listener.awarded(new AwardMade(award, achievement.awarded(), certificationsIn(award, member)));
        return held.with(award);
    }

    /** The certifications that met a CertificationHeld criterion of the award, in evidence order. */
    private static List<HeldCertification> certificationsIn(Award award, MemberFacts member) {
        List<HeldCertification> held = new ArrayList<>();
        for (CriterionEvidence evidence : award.evidence()) {
            if (evidence.criterion() instanceof Criterion.CertificationHeld) {
                for (String id : evidence.evidenceIds()) {
                    CertificationId certification = CertificationId.of(id);
                    member.certification(certification).ifPresent(
                            known -> held.add(new HeldCertification(certification, known.validUntil())));
                }
            }
        }
        return held;
    }
}
