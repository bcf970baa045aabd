package org.makerspace.projections.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.support.TestEvents.ADA;
import static org.makerspace.projections.support.TestEvents.BEN;
import static org.makerspace.projections.support.TestEvents.FABLAB;
import static org.makerspace.projections.support.TestEvents.LASER;
import static org.makerspace.projections.support.TestEvents.OTHER_LAB;
import static org.makerspace.projections.support.TestEvents.T0;
import static org.makerspace.projections.support.TestEvents.TRAINER;
import static org.makerspace.projections.support.TestEvents.certification;
import static org.makerspace.projections.support.TestEvents.contribution;
import static org.makerspace.projections.support.TestEvents.days;
import static org.makerspace.projections.support.TestEvents.laserCertification;
import static org.makerspace.projections.support.TestEvents.laserRegistered;
import static org.makerspace.projections.support.TestEvents.training;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.AchievementRetired;
import org.makerspace.ledger.achievement.api.AchievementRevised;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ContributionId;
import org.makerspace.ledger.member.api.ContributionRole;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.TrainingId;
import org.makerspace.ledger.member.api.TrainingRecordRetracted;
import org.makerspace.ledger.member.api.WorkshopContributionRetracted;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.ObservedStorage;
import org.makerspace.projections.support.StoredDocuments;

class AwardProjectionIntegrationTest {

    private static final AchievementId LASER_BADGE = AchievementId.of("laser-badge");
    private static final AchievementId REPAIR_BADGE = AchievementId.of("repair-badge");
    private static final Criterion LASER_COURSE = new Criterion.TrainingCompleted("laser-basics");
    private static final Criterion LASER_HELD = new Criterion.CertificationHeld(MachineType.LASER_CUTTER,
                                                                                 CertificationLevel.AUTONOMOUS);
    private static final Criterion TWO_REPAIRS = new Criterion.ContributionsMade(ContributionRole.REPAIRER, 2);

    private ObservedStorage observed;
    private LedgerStorage storage;
    private AwardProjection awards;

    @BeforeEach
    void freshStorage() {
        observed = ObservedStorage.open("award");
        storage = observed.storage();
        awards = new AwardProjection(storage);
        awards.on(laserRegistered());
    }

    @AfterEach
    void close() {
        observed.close();
    }

    private void define(AchievementId id, Criterion... criteria) {
        awards.on(new AchievementDefined(id, FABLAB, 1, id.value(), "description", List.of(criteria), "https://img/" + id),
                  "defined-" + id, T0);
    }

    private List<Award> awardsOf(MemberId member) {
        return awards.find(new FindMemberAwards(member)).awards();
    }

    @Test
    void awardsWhenTheLastCriterionIsMet() {
        define(LASER_BADGE, LASER_COURSE, LASER_HELD);
        awards.on(training(ADA, "training-1", "laser-basics", days(1)), "event-1");
        assertThat(awardsOf(ADA)).isEmpty();

        awards.on(laserCertification(ADA, "cert-1", days(2)), "event-2");

        assertThat(awardsOf(ADA)).singleElement().satisfies(award -> {
            assertThat(award.memberId()).isEqualTo(ADA);
            assertThat(award.achievementId()).isEqualTo(LASER_BADGE);
            assertThat(award.achievementVersion()).isEqualTo(1);
            assertThat(award.labId()).isEqualTo(FABLAB);
            assertThat(award.triggeringEventId()).isEqualTo("event-2");
        });
    }

    @Test
    void awardedAtIsTheTriggeringFactsBusinessTime() {
        define(LASER_BADGE, LASER_COURSE);

        awards.on(training(ADA, "training-1", "laser-basics", days(3)), "event-1");

        assertThat(awardsOf(ADA).get(0).awardedAt()).isEqualTo(days(3));
    }

    @Test
    void awardIdIsDeterministic() {
        define(LASER_BADGE, LASER_COURSE);

        awards.on(training(ADA, "training-1", "laser-basics", days(3)), "event-1");

        String expected = UUID.nameUUIDFromBytes("member-ada|laser-badge|1|event-1".getBytes(StandardCharsets.UTF_8))
                .toString();
        assertThat(awardsOf(ADA).get(0).awardId()).isEqualTo(expected);
    }

    @Test
    void awardsOncePerMemberAndAchievement() {
        define(LASER_BADGE, LASER_COURSE);
        awards.on(training(ADA, "training-1", "laser-basics", days(1)), "event-1");

        awards.on(training(ADA, "training-2", "laser-basics", days(2)), "event-2");
        awards.on(new AchievementRevised(LASER_BADGE, 2, "Laser", "again", List.of(LASER_COURSE), null), "revised", days(3));

        assertThat(awardsOf(ADA)).singleElement().extracting(Award::triggeringEventId).isEqualTo("event-1");
        assertThat(StoredDocuments.of(storage.database(), MemberAwardsReader.AWARDS)).hasSize(1);
    }

    @Test
    void recordsTheEvidenceOfEachCriterion() {
        define(REPAIR_BADGE, LASER_COURSE, TWO_REPAIRS);
        awards.on(training(ADA, "training-1", "laser-basics", days(1)), "event-1");
        awards.on(contribution(ADA, "c-1", ContributionRole.REPAIRER, "2", days(2)), "event-2");

        awards.on(contribution(ADA, "c-2", ContributionRole.REPAIRER, "2", days(3)), "event-3");

        assertThat(awardsOf(ADA).get(0).evidence()).containsExactly(
                new CriterionEvidence(LASER_COURSE, List.of("training-1")),
                new CriterionEvidence(TWO_REPAIRS, List.of("c-1", "c-2")));
    }

    @Test
    void findAwardReturnsTheRecordByItsId() {
        define(LASER_BADGE, LASER_COURSE);
        awards.on(training(ADA, "training-1", "laser-basics", days(1)), "event-1");
        Award award = awardsOf(ADA).get(0);

        assertThat(awards.find(new FindAward(award.awardId()))).isEqualTo(award);
        assertThat(awards.find(new FindAward("no-such-award"))).isNull();
    }

    @Test
    void ignoresFactsAtAnotherLab() {
        define(LASER_BADGE, LASER_COURSE);

        awards.on(new TrainingCompleted(ADA, TrainingId.of("training-1"), OTHER_LAB, "laser-basics",
                                        BigDecimal.ONE, TRAINER, days(1)), "event-1");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void retractedTrainingDoesNotCount() {
        define(LASER_BADGE, LASER_COURSE, TWO_REPAIRS);
        awards.on(training(ADA, "training-1", "laser-basics", days(1)), "event-1");
        awards.on(new TrainingRecordRetracted(ADA, TrainingId.of("training-1"), "wrong member", days(2)));
        awards.on(contribution(ADA, "c-1", ContributionRole.REPAIRER, "2", days(3)), "event-3");

        awards.on(contribution(ADA, "c-2", ContributionRole.REPAIRER, "2", days(4)), "event-4");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void retractedContributionsDoNotCount() {
        define(REPAIR_BADGE, TWO_REPAIRS);
        awards.on(contribution(ADA, "c-1", ContributionRole.REPAIRER, "2", days(1)), "event-1");
        awards.on(new WorkshopContributionRetracted(ADA, ContributionId.of("c-1"), "duplicate", days(2)));

        awards.on(contribution(ADA, "c-2", ContributionRole.REPAIRER, "2", days(3)), "event-3");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void contributionsInAnotherRoleDoNotCount() {
        define(REPAIR_BADGE, TWO_REPAIRS);
        awards.on(contribution(ADA, "c-1", ContributionRole.REPAIRER, "2", days(1)), "event-1");

        awards.on(contribution(ADA, "c-2", ContributionRole.HELPER, "2", days(3)), "event-2");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void suspendedCertificationDoesNotCount() {
        define(LASER_BADGE, LASER_HELD, LASER_COURSE);
        awards.on(laserCertification(ADA, "cert-1", days(1)), "event-1");
        awards.on(new MachineCertificationSuspended(ADA, CertificationId.of("cert-1"), "incident", days(2)));

        awards.on(training(ADA, "training-1", "laser-basics", days(3)), "event-3");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void revokedCertificationDoesNotCount() {
        define(LASER_BADGE, LASER_HELD, LASER_COURSE);
        awards.on(laserCertification(ADA, "cert-1", days(1)), "event-1");
        awards.on(new MachineCertificationRevoked(ADA, CertificationId.of("cert-1"), "unsafe", days(2)));

        awards.on(training(ADA, "training-1", "laser-basics", days(3)), "event-3");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void reinstatingACertificationCanTriggerTheAward() {
        define(LASER_BADGE, LASER_HELD, LASER_COURSE);
        awards.on(laserCertification(ADA, "cert-1", days(1)), "event-1");
        awards.on(new MachineCertificationSuspended(ADA, CertificationId.of("cert-1"), "incident", days(2)));
        awards.on(training(ADA, "training-1", "laser-basics", days(3)), "event-3");

        awards.on(new MachineCertificationReinstated(ADA, CertificationId.of("cert-1"), days(4)), "event-4");

        assertThat(awardsOf(ADA)).singleElement().satisfies(award -> {
            assertThat(award.triggeringEventId()).isEqualTo("event-4");
            assertThat(award.awardedAt()).isEqualTo(days(4));
        });
    }

    @Test
    void certificationExpiredAtTheTriggeringTimeDoesNotCount() {
        define(LASER_BADGE, LASER_HELD, LASER_COURSE);
        awards.on(certification(ADA, "cert-1", new CertificationScope.MachineFamily(MachineType.LASER_CUTTER),
                                CertificationLevel.AUTONOMOUS, new ExpiryRule.AfterPeriod(Period.ofDays(10)), days(1)),
                  "event-1");

        awards.on(training(ADA, "training-1", "laser-basics", days(11)), "event-2");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void certificationBelowTheMinimumLevelDoesNotCount() {
        define(LASER_BADGE, LASER_HELD);

        awards.on(certification(ADA, "cert-1", new CertificationScope.MachineFamily(MachineType.LASER_CUTTER),
                                CertificationLevel.SUPERVISED, new ExpiryRule.Never(), days(1)), "event-1");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void certificationOnAnotherMachineTypeDoesNotCount() {
        define(LASER_BADGE, LASER_HELD);

        awards.on(certification(ADA, "cert-1", new CertificationScope.MachineFamily(MachineType.CNC_MILL),
                                CertificationLevel.TRAINER, new ExpiryRule.Never(), days(1)), "event-1");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void oneMachineCertificationCountsForThatMachinesType() {
        define(LASER_BADGE, LASER_HELD);

        awards.on(certification(ADA, "cert-1", new CertificationScope.OneMachine(LASER), CertificationLevel.TRAINER,
                                new ExpiryRule.Never(), days(1)), "event-1");

        assertThat(awardsOf(ADA)).singleElement().extracting(Award::evidence)
                .isEqualTo(List.of(new CriterionEvidence(LASER_HELD, List.of("cert-1"))));
    }

    @Test
    void definingAnAchievementAwardsMembersWhoAlreadyQualify() {
        awards.on(training(ADA, "training-1", "laser-basics", days(1)), "event-1");
        awards.on(training(BEN, "training-2", "cnc-basics", days(1)), "event-2");
        Instant definedAt = days(5);

        awards.on(new AchievementDefined(LASER_BADGE, FABLAB, 1, "Laser", "d", List.of(LASER_COURSE), null),
                  "definition-event", definedAt);

        assertThat(awardsOf(BEN)).isEmpty();
        assertThat(awardsOf(ADA)).singleElement().satisfies(award -> {
            assertThat(award.triggeringEventId()).isEqualTo("definition-event");
            assertThat(award.awardedAt()).isEqualTo(definedAt);
        });
    }

    @Test
    void revisionAwardsUnderItsNewVersion() {
        define(LASER_BADGE, LASER_COURSE, TWO_REPAIRS);
        awards.on(training(ADA, "training-1", "laser-basics", days(1)), "event-1");

        awards.on(new AchievementRevised(LASER_BADGE, 2, "Laser", "easier", List.of(LASER_COURSE), null), "revised",
                  days(2));

        assertThat(awardsOf(ADA)).singleElement().satisfies(award -> {
            assertThat(award.achievementVersion()).isEqualTo(2);
            assertThat(award.awardId()).isEqualTo(Award.idFor(ADA, LASER_BADGE, 2, "revised"));
        });
    }

    @Test
    void retiredAchievementIsNoLongerAwarded() {
        define(LASER_BADGE, LASER_COURSE);

        awards.on(new AchievementRetired(LASER_BADGE, 1, "replaced"));
        awards.on(training(ADA, "training-1", "laser-basics", days(1)), "event-1");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void applyingAnEventTwiceLeavesTheSameState() {
        define(REPAIR_BADGE, LASER_COURSE, TWO_REPAIRS);
        awards.on(training(ADA, "training-1", "laser-basics", days(1)), "event-1");
        awards.on(contribution(ADA, "c-1", ContributionRole.REPAIRER, "2", days(2)), "event-2");
        awards.on(contribution(ADA, "c-2", ContributionRole.REPAIRER, "2", days(3)), "event-3");
        Map<String, List<Document>> once = StoredDocuments.readModels(storage.database());

        define(REPAIR_BADGE, LASER_COURSE, TWO_REPAIRS);
        awards.on(training(ADA, "training-1", "laser-basics", days(1)), "event-1");
        awards.on(contribution(ADA, "c-2", ContributionRole.REPAIRER, "2", days(3)), "event-3");
        awards.on(laserRegistered());

        assertThat(StoredDocuments.readModels(storage.database())).isEqualTo(once);
    }

    @Test
    void redeliveredDefinitionKeepsTheLaterRevisionAndRetirement() {
        AchievementDefined defined = new AchievementDefined(LASER_BADGE, FABLAB, 1, "Laser", "d", List.of(LASER_COURSE), null);
        awards.on(defined, "defined", T0);
        awards.on(new AchievementRevised(LASER_BADGE, 2, "Laser", "d2", List.of(LASER_COURSE, LASER_HELD), null),
                  "revised", days(1));
        awards.on(new AchievementRetired(LASER_BADGE, 2, "replaced"));
        Map<String, List<Document>> once = StoredDocuments.readModels(storage.database());

        awards.on(defined, "defined", T0);
        awards.on(training(ADA, "training-1", "laser-basics", days(2)), "event-1");

        assertThat(StoredDocuments.of(storage.database(), AwardProjection.DEFINITIONS))
                .isEqualTo(once.get(AwardProjection.DEFINITIONS));
        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void memberEventsReadOnlyByIdAndQueriesToo() {
        define(LASER_BADGE, LASER_COURSE, LASER_HELD);
        observed.reset();

        awards.on(training(ADA, "training-1", "laser-basics", days(1)), "event-1");
        awards.on(laserCertification(ADA, "cert-1", days(2)), "event-2");
        Award award = awardsOf(ADA).get(0);
        awards.find(new FindAward(award.awardId()));

        assertThat(observed.reads()).isNotEmpty().allMatch(ObservedStorage::isPointLookupOnId);
    }

    @Test
    void resetForgetsEveryAward() {
        define(LASER_BADGE, LASER_COURSE);
        awards.on(training(ADA, "training-1", "laser-basics", days(1)), "event-1");

        awards.reset();

        assertThat(awardsOf(ADA)).isEmpty();
        assertThat(StoredDocuments.readModels(storage.database())).allSatisfy((name, documents) -> assertThat(documents).isEmpty());
    }
}
