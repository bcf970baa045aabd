package org.makerspace.ledger.member;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.common.Chronology;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.common.OutsideMembership;
import org.makerspace.ledger.common.Require;
import org.makerspace.ledger.common.UnknownReference;
import org.makerspace.ledger.lab.LabRules;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.member.api.AchievementAwarded;
import org.makerspace.ledger.member.api.AwardId;
import org.makerspace.ledger.member.api.AwardRedated;
import org.makerspace.ledger.member.api.AwardReinstated;
import org.makerspace.ledger.member.api.AwardRevoked;
import org.makerspace.ledger.member.api.AwardSuspended;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ContributionId;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.GrantMachineCertification;
import org.makerspace.ledger.member.api.JoinLab;
import org.makerspace.ledger.member.api.LinkMemberCard;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberCardLinked;
import org.makerspace.ledger.member.api.MemberCardUnlinked;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.MemberJoinedLab;
import org.makerspace.ledger.member.api.MemberRegistered;
import org.makerspace.ledger.member.api.MemberReinstated;
import org.makerspace.ledger.member.api.MemberSuspended;
import org.makerspace.ledger.member.api.RecordAward;
import org.makerspace.ledger.member.api.RecordTrainingCompletion;
import org.makerspace.ledger.member.api.RecordWorkshopContribution;
import org.makerspace.ledger.member.api.RegisterMember;
import org.makerspace.ledger.member.api.ReinstateAward;
import org.makerspace.ledger.member.api.ReinstateMachineCertification;
import org.makerspace.ledger.member.api.ReinstateMember;
import org.makerspace.ledger.member.api.RetractTrainingRecord;
import org.makerspace.ledger.member.api.RetractWorkshopContribution;
import org.makerspace.ledger.member.api.RevokeAward;
import org.makerspace.ledger.member.api.RevokeMachineCertification;
import org.makerspace.ledger.member.api.SuspendAward;
import org.makerspace.ledger.member.api.SuspendMachineCertification;
import org.makerspace.ledger.member.api.SuspendMember;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.TrainingId;
import org.makerspace.ledger.member.api.TrainingRecordRetracted;
import org.makerspace.ledger.member.api.UnlinkMemberCard;
import org.makerspace.ledger.member.api.WorkshopContributionRecorded;
import org.makerspace.ledger.member.api.WorkshopContributionRetracted;

/**
 * A learner's skills passport. Revision 2 knows the labs the member belongs to; snapshots taken before are ignored
 * (rebuilt from the events), as they would not.
 */
@Revision("2")
class Member {

    /** More hours than this in one training or one workshop is a typing error, not a record. */
    static final BigDecimal MAX_HOURS = new BigDecimal("1000");

    @AggregateIdentifier
    private MemberId memberId;
    /** The labs the member belongs to: the one that registered them, then those they joined. */
    private Set<String> labs = new HashSet<>();
    /** Linked cards: when each fingerprint was linked. */
    private Map<String, Instant> cards = new HashMap<>();
    /** Every recorded training, by training id, retracted or not. */
    private Map<String, Recorded> trainings = new HashMap<>();
    /** Every recorded workshop contribution, by contribution id, retracted or not. */
    private Map<String, Recorded> contributions = new HashMap<>();
    /** Every granted certification, by certification id, with its latest change. */
    private Map<String, Certification> certifications = new HashMap<>();
    /** What the labs decided about the member's awards, by award id: only awards that were ever suspended or revoked. */
    private Map<String, AwardDecision> awards = new HashMap<>();
    /** The member's awards, by achievement id: each achievement is awarded once. */
    private Map<String, Awarded> awarded = new HashMap<>();
    /** The member's current suspension, {@code null} while not suspended. */
    private Suspension suspension;
    /** When the member was last reinstated, {@code null} if never. */
    private Instant reinstatedAt;

    /** For Axon and for snapshots. */
    Member() {
    }

    @CommandHandler
    Member(RegisterMember command, LabRules labs) {
        Require.present(command.memberId(), "memberId");
        LabId lab = Require.present(command.labId(), "labId");
        Require.present(command.registeredAt(), "registeredAt");
        labs.requireLab(lab);
        apply(new MemberRegistered(command.memberId(), lab, command.registeredAt()));
    }

    // Labs

    @CommandHandler
    void handle(JoinLab command, LabRules labRules) {
        LabId lab = Require.present(command.labId(), "labId");
        Require.present(command.joinedBy(), "joinedBy");
        Instant at = Require.present(command.joinedAt(), "joinedAt");
        labRules.requireLab(lab);
        if (!labs.contains(lab.value())) {
            apply(new MemberJoinedLab(memberId, lab, command.joinedBy(), at));
        }
    }

    /** A lab records facts only about its own members. */
    private void requireMemberOf(LabId lab) {
        if (!labs.contains(lab.value())) {
            throw new OutsideMembership("member " + memberId + " is not a member of lab " + lab
                                        + ": the member joins it first");
        }
    }

    // Cards

    @CommandHandler
    void handle(LinkMemberCard command) {
        String card = Require.notBlank(command.cardFingerprint(), "cardFingerprint");
        Instant at = Require.present(command.linkedAt(), "linkedAt");
        Instant linkedAt = cards.get(card);
        if (linkedAt != null) {
            throw new DomainRefusal("card-already-linked",
                    "card " + card + " is already linked to member " + memberId + " since " + linkedAt);
        }
        apply(new MemberCardLinked(memberId, card, at));
    }

    @CommandHandler
    void handle(UnlinkMemberCard command) {
        String card = Require.notBlank(command.cardFingerprint(), "cardFingerprint");
        String reason = Require.notBlank(command.reason(), "reason");
        Instant at = Require.present(command.unlinkedAt(), "unlinkedAt");
        Instant linkedAt = cards.get(card);
        if (linkedAt == null) {
            throw new DomainRefusal("card-not-linked", "card " + card + " is not linked to member " + memberId);
        }
        Chronology.requireNotBefore(at, "unlinking card " + card + " from member " + memberId, linkedAt, "it was linked");
        apply(new MemberCardUnlinked(memberId, card, reason, at));
    }

    // Trainings

    @CommandHandler
    void handle(RecordTrainingCompletion command, LabRules labs) {
        TrainingId training = Require.present(command.trainingId(), "trainingId");
        LabId lab = Require.present(command.labId(), "labId");
        Require.notBlank(command.courseCode(), "courseCode");
        Require.positiveAtMost(command.hours(), MAX_HOURS, "hours");
        TrainerId trainer = Require.present(command.trainerId(), "trainerId");
        Require.present(command.completedAt(), "completedAt");
        if (trainings.containsKey(training.value())) {
            throw new DomainRefusal("duplicate-training", "training " + training + " is already recorded for member " + memberId);
        }
        labs.requireTrainer(lab, trainer);
        requireMemberOf(lab);
        apply(new TrainingCompleted(memberId, training, lab, command.courseCode(), command.hours(), trainer, command.completedAt()));
    }

    @CommandHandler
    void handle(RetractTrainingRecord command) {
        TrainingId id = Require.present(command.trainingId(), "trainingId");
        String reason = Require.notBlank(command.reason(), "reason");
        Instant at = Require.present(command.retractedAt(), "retractedAt");
        Recorded training = trainings.get(id.value());
        if (training == null) {
            throw new UnknownReference("unknown-training", "member " + memberId + " has no training " + id);
        }
        if (training.isRetracted()) {
            throw new DomainRefusal("training-retracted",
                    "training " + id + " of member " + memberId + " was retracted at " + training.retractedAt());
        }
        Chronology.requireNotBefore(at, "retraction of training " + id + " of member " + memberId, training.at(), "it was completed");
        apply(new TrainingRecordRetracted(memberId, id, reason, at));
    }

    // Certifications

    @CommandHandler
    void handle(GrantMachineCertification command, LabRules labs) {
        CertificationId id = Require.present(command.certificationId(), "certificationId");
        LabId lab = Require.present(command.labId(), "labId");
        CertificationScope scope = Require.present(command.scope(), "scope");
        Require.present(command.level(), "level");
        ExpiryRule expiry = Require.present(command.expiry(), "expiry");
        TrainerId trainer = Require.present(command.trainerId(), "trainerId");
        Instant at = Require.present(command.grantedAt(), "grantedAt");
        expiry.validUntil(at, at).filter(end -> !end.isAfter(at)).ifPresent(end -> {
            throw new IllegalArgumentException("expiry must end after grantedAt " + at + ", but ends at " + end);
        });
        if (certifications.containsKey(id.value())) {
            throw new DomainRefusal("duplicate-certification", "certification " + id + " is already recorded for member " + memberId);
        }
        labs.requireMayCertify(lab, trainer, scope);
        requireMemberOf(lab);
        apply(new MachineCertificationGranted(memberId, id, lab, scope, command.level(), expiry, trainer, at));
    }

    @CommandHandler
    void handle(SuspendMachineCertification command) {
        CertificationId id = Require.present(command.certificationId(), "certificationId");
        String reason = Require.notBlank(command.reason(), "reason");
        Instant at = Require.present(command.suspendedAt(), "suspendedAt");
        Certification certification = certification(id);
        refuseIfRevoked(id, certification);
        if (certification.isSuspended()) {
            throw new DomainRefusal("certification-suspended", describe(id, certification));
        }
        requireNotBeforeLatestChange(at, "suspension", id, certification);
        apply(new MachineCertificationSuspended(memberId, id, reason, at));
    }

    @CommandHandler
    void handle(ReinstateMachineCertification command) {
        CertificationId id = Require.present(command.certificationId(), "certificationId");
        Instant at = Require.present(command.reinstatedAt(), "reinstatedAt");
        Certification certification = certification(id);
        refuseIfRevoked(id, certification);
        if (!certification.isSuspended()) {
            throw new DomainRefusal("certification-not-suspended",
                    "certification " + id + " of member " + memberId + " is not suspended: it " + latestChange(certification));
        }
        requireNotBeforeLatestChange(at, "reinstatement", id, certification);
        apply(new MachineCertificationReinstated(memberId, id, at));
    }

    @CommandHandler
    void handle(RevokeMachineCertification command) {
        CertificationId id = Require.present(command.certificationId(), "certificationId");
        String reason = Require.notBlank(command.reason(), "reason");
        Instant at = Require.present(command.revokedAt(), "revokedAt");
        Certification certification = certification(id);
        refuseIfRevoked(id, certification);
        requireNotBeforeLatestChange(at, "revocation", id, certification);
        apply(new MachineCertificationRevoked(memberId, id, reason, at));
    }

    private Certification certification(CertificationId id) {
        Certification certification = certifications.get(id.value());
        if (certification == null) {
            throw new UnknownReference("unknown-certification", "member " + memberId + " has no certification " + id);
        }
        return certification;
    }

    private void refuseIfRevoked(CertificationId id, Certification certification) {
        if (certification.change() == Change.REVOKED) {
            throw new DomainRefusal("certification-revoked", describe(id, certification));
        }
    }

    private void requireNotBeforeLatestChange(Instant at, String act, CertificationId id, Certification certification) {
        Chronology.requireNotBefore(at, act + " of certification " + id + " of member " + memberId,
                certification.at(), "it " + certification.change().pastTense);
    }

    /** Names a certification's state, such as "certification c-1 of member m-1 was suspended at ...: incident". */
    private String describe(CertificationId id, Certification certification) {
        return "certification " + id + " of member " + memberId + " " + latestChange(certification);
    }

    private static String latestChange(Certification certification) {
        String reason = certification.reason() == null ? "" : ": " + certification.reason();
        return certification.change().pastTense + " at " + certification.at() + reason;
    }

    // Workshop contributions

    @CommandHandler
    void handle(RecordWorkshopContribution command, LabRules labs) {
        ContributionId contribution = Require.present(command.contributionId(), "contributionId");
        LabId lab = Require.present(command.labId(), "labId");
        Require.notBlank(command.workshop(), "workshop");
        Require.present(command.role(), "role");
        Require.positiveAtMost(command.hours(), MAX_HOURS, "hours");
        Require.present(command.happenedAt(), "happenedAt");
        if (contributions.containsKey(contribution.value())) {
            throw new DomainRefusal("duplicate-contribution",
                    "contribution " + contribution + " is already recorded for member " + memberId);
        }
        labs.requireLab(lab);
        requireMemberOf(lab);
        apply(new WorkshopContributionRecorded(memberId, contribution, lab, command.workshop(), command.role(), command.hours(),
                command.happenedAt()));
    }

    @CommandHandler
    void handle(RetractWorkshopContribution command) {
        ContributionId id = Require.present(command.contributionId(), "contributionId");
        String reason = Require.notBlank(command.reason(), "reason");
        Instant at = Require.present(command.retractedAt(), "retractedAt");
        Recorded contribution = contributions.get(id.value());
        if (contribution == null) {
            throw new UnknownReference("unknown-contribution", "member " + memberId + " has no contribution " + id);
        }
        if (contribution.isRetracted()) {
            throw new DomainRefusal("contribution-retracted",
                    "contribution " + id + " of member " + memberId + " was retracted at " + contribution.retractedAt());
        }
        Chronology.requireNotBefore(at, "retraction of contribution " + id + " of member " + memberId, contribution.at(),
                "it happened");
        apply(new WorkshopContributionRetracted(memberId, id, reason, at));
    }

    // Awards: the award decisions (a processor reading the ledger) find when a member's facts meet an achievement's
    // criteria and record it here, once per achievement; the ledger then records what a lab decides about an award.
    // Each command is idempotent (asking again for the state an award is in records nothing), and a revocation is final.

    /**
     * Records an award unless the member already holds the achievement: the decisions may be redone after a crash, or
     * made twice by two nodes, and must never award twice. Asked for an achievement the member holds with an earlier
     * business time (a fact dated before the award was recorded after it), it records that the award is dated
     * earlier; a later or equal time records nothing.
     */
    @CommandHandler
    void handle(RecordAward command) {
        AwardId id = Require.present(command.awardId(), "awardId");
        AchievementId achievement = Require.present(command.achievementId(), "achievementId");
        LabId lab = Require.present(command.labId(), "labId");
        Instant at = Require.present(command.awardedAt(), "awardedAt");
        Require.present(command.evidence(), "evidence");
        if (command.achievementVersion() < 1) {
            throw new IllegalArgumentException("achievementVersion must be at least 1, but was " + command.achievementVersion());
        }
        Awarded held = awarded.get(achievement.value());
        if (held == null) {
            apply(new AchievementAwarded(memberId, id, achievement, command.achievementVersion(), lab, at,
                                         command.evidence()));
        } else if (at.isBefore(held.at())) {
            apply(new AwardRedated(memberId, AwardId.of(held.awardId()), achievement, at, command.evidence()));
        }
    }

    @CommandHandler
    void handle(RevokeAward command) {
        AwardId id = Require.present(command.awardId(), "awardId");
        String reason = Require.notBlank(command.reason(), "reason");
        Instant at = Require.present(command.revokedAt(), "revokedAt");
        AwardDecision decision = awards.get(id.value());
        if (decision != null && decision.change() == Change.REVOKED) {
            return; // already revoked: the first revocation stands
        }
        requireNotBeforeLatestDecision(at, "revocation", id, decision);
        apply(new AwardRevoked(memberId, id, reason, at));
    }

    @CommandHandler
    void handle(SuspendAward command) {
        AwardId id = Require.present(command.awardId(), "awardId");
        String reason = Require.notBlank(command.reason(), "reason");
        Instant at = Require.present(command.suspendedAt(), "suspendedAt");
        AwardDecision decision = awards.get(id.value());
        refuseIfRevoked(id, decision);
        if (decision != null && decision.change() == Change.SUSPENDED) {
            return; // already suspended
        }
        requireNotBeforeLatestDecision(at, "suspension", id, decision);
        apply(new AwardSuspended(memberId, id, reason, at));
    }

    @CommandHandler
    void handle(ReinstateAward command) {
        AwardId id = Require.present(command.awardId(), "awardId");
        Instant at = Require.present(command.reinstatedAt(), "reinstatedAt");
        AwardDecision decision = awards.get(id.value());
        refuseIfRevoked(id, decision);
        if (decision == null || decision.change() != Change.SUSPENDED) {
            return; // not suspended by the lab: nothing to lift
        }
        requireNotBeforeLatestDecision(at, "reinstatement", id, decision);
        apply(new AwardReinstated(memberId, id, at));
    }

    private void refuseIfRevoked(AwardId id, AwardDecision decision) {
        if (decision != null && decision.change() == Change.REVOKED) {
            String reason = decision.reason() == null ? "" : ": " + decision.reason();
            throw new DomainRefusal("award-revoked",
                    "award " + id + " of member " + memberId + " was revoked at " + decision.at() + reason);
        }
    }

    private void requireNotBeforeLatestDecision(Instant at, String act, AwardId id, AwardDecision decision) {
        if (decision != null) {
            Chronology.requireNotBefore(at, act + " of award " + id + " of member " + memberId, decision.at(),
                    "it " + decision.change().pastTense);
        }
    }

    // Suspension of the member

    @CommandHandler
    void handle(SuspendMember command) {
        String reason = Require.notBlank(command.reason(), "reason");
        Instant at = Require.present(command.suspendedAt(), "suspendedAt");
        if (suspension != null) {
            throw new DomainRefusal("member-suspended",
                    "member " + memberId + " is suspended since " + suspension.since() + ": " + suspension.reason());
        }
        Chronology.requireNotBefore(at, "suspension of member " + memberId, reinstatedAt, "member " + memberId + " was reinstated");
        apply(new MemberSuspended(memberId, reason, at));
    }

    @CommandHandler
    void handle(ReinstateMember command) {
        Instant at = Require.present(command.reinstatedAt(), "reinstatedAt");
        if (suspension == null) {
            String since = reinstatedAt == null ? "" : ": reinstated at " + reinstatedAt;
            throw new DomainRefusal("member-not-suspended", "member " + memberId + " is not suspended" + since);
        }
        Chronology.requireNotBefore(at, "reinstatement of member " + memberId, suspension.since(),
                "member " + memberId + " was suspended");
        apply(new MemberReinstated(memberId, at));
    }

    // State

    @EventSourcingHandler
    private void on(MemberRegistered event) {
        memberId = event.memberId();
        labs.add(event.labId().value());
    }

    @EventSourcingHandler
    private void on(MemberJoinedLab event) {
        labs.add(event.labId().value());
    }

    @EventSourcingHandler
    private void on(MemberCardLinked event) {
        cards.put(event.cardFingerprint(), event.linkedAt());
    }

    @EventSourcingHandler
    private void on(MemberCardUnlinked event) {
        cards.remove(event.cardFingerprint());
    }

    @EventSourcingHandler
    private void on(TrainingCompleted event) {
        trainings.put(event.trainingId().value(), Recorded.at(event.completedAt()));
    }

    @EventSourcingHandler
    private void on(TrainingRecordRetracted event) {
        trainings.computeIfPresent(event.trainingId().value(), (id, training) -> training.retracted(event.retractedAt()));
    }

    @EventSourcingHandler
    private void on(MachineCertificationGranted event) {
        certifications.put(event.certificationId().value(), new Certification(Change.GRANTED, event.grantedAt(), null));
    }

    @EventSourcingHandler
    private void on(MachineCertificationSuspended event) {
        certifications.put(event.certificationId().value(), new Certification(Change.SUSPENDED, event.suspendedAt(), event.reason()));
    }

    @EventSourcingHandler
    private void on(MachineCertificationReinstated event) {
        certifications.put(event.certificationId().value(), new Certification(Change.REINSTATED, event.reinstatedAt(), null));
    }

    @EventSourcingHandler
    private void on(MachineCertificationRevoked event) {
        certifications.put(event.certificationId().value(), new Certification(Change.REVOKED, event.revokedAt(), event.reason()));
    }

    @EventSourcingHandler
    private void on(WorkshopContributionRecorded event) {
        contributions.put(event.contributionId().value(), Recorded.at(event.happenedAt()));
    }

    @EventSourcingHandler
    private void on(WorkshopContributionRetracted event) {
        contributions.computeIfPresent(event.contributionId().value(), (id, contribution) -> contribution.retracted(event.retractedAt()));
    }

    @EventSourcingHandler
    private void on(AchievementAwarded event) {
        awarded.put(event.achievementId().value(), new Awarded(event.awardId().value(), event.awardedAt()));
    }

    @EventSourcingHandler
    private void on(AwardRedated event) {
        awarded.computeIfPresent(event.achievementId().value(),
                                 (achievement, held) -> new Awarded(held.awardId(), event.awardedAt()));
    }

    @EventSourcingHandler
    private void on(AwardRevoked event) {
        awards.put(event.awardId().value(), new AwardDecision(Change.REVOKED, event.revokedAt(), event.reason()));
    }

    @EventSourcingHandler
    private void on(AwardSuspended event) {
        awards.put(event.awardId().value(), new AwardDecision(Change.SUSPENDED, event.suspendedAt(), event.reason()));
    }

    @EventSourcingHandler
    private void on(AwardReinstated event) {
        awards.put(event.awardId().value(), new AwardDecision(Change.REINSTATED, event.reinstatedAt(), null));
    }

    @EventSourcingHandler
    private void on(MemberSuspended event) {
        suspension = new Suspension(event.suspendedAt(), event.reason());
    }

    @EventSourcingHandler
    private void on(MemberReinstated event) {
        suspension = null;
        reinstatedAt = event.reinstatedAt();
    }

    /** A training or a contribution: when it happened and, once retracted, when that was. */
    private record Recorded(Instant at, Instant retractedAt) {

        static Recorded at(Instant at) {
            return new Recorded(at, null);
        }

        boolean isRetracted() {
            return retractedAt != null;
        }

        Recorded retracted(Instant when) {
            return new Recorded(at, when);
        }
    }

    /** A certification's latest change, when it took effect and, for a suspension or revocation, why. */
    private record Certification(Change change, Instant at, String reason) {

        boolean isSuspended() {
            return change == Change.SUSPENDED;
        }
    }

    /** An award the member holds, and the business time its criteria were met. */
    private record Awarded(String awardId, Instant at) {
    }

    /** A lab's latest decision about an award (suspended, reinstated or revoked), when and, but for a reinstatement, why. */
    private record AwardDecision(Change change, Instant at, String reason) {
    }

    private enum Change {
        GRANTED("was granted"), SUSPENDED("was suspended"), REINSTATED("was reinstated"), REVOKED("was revoked");

        private final String pastTense;

        Change(String pastTense) {
            this.pastTense = pastTense;
        }
    }

    private record Suspension(Instant since, String reason) {
    }
}
