package org.makerspace.projections.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.makerspace.projections.support.TestEvents.ADA;
import static org.makerspace.projections.support.TestEvents.BEN;
import static org.makerspace.projections.support.TestEvents.FABLAB;
import static org.makerspace.projections.support.TestEvents.LASER;
import static org.makerspace.projections.support.TestEvents.OTHER_LAB;
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
import org.makerspace.ledger.member.api.AwardEvidence;
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
import org.makerspace.ledger.member.api.RecordAward;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.TrainingId;
import org.makerspace.ledger.member.api.TrainingRecordRetracted;
import org.makerspace.ledger.member.api.WorkshopContributionRetracted;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.ledger.session.api.SessionId;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.ObservedStorage;
import org.makerspace.projections.support.StoredDocuments;

/**
 * Award decisions, fed through {@link AwardDriver} as the application feeds them: what they record in the ledger, and
 * what the award read model shows of it.
 */
class AwardDecisionsIntegrationTest {

    private static final AchievementId LASER_BADGE = AchievementId.of("laser-badge");
    private static final AchievementId REPAIR_BADGE = AchievementId.of("repair-badge");
    private static final AchievementId COURSE_BADGE = AchievementId.of("fab-35h");
    private static final Criterion LASER_COURSE = new Criterion.TrainingCompleted("laser-basics");
    private static final Criterion LASER_HELD = new Criterion.CertificationHeld(MachineType.LASER_CUTTER,
                                                                                 CertificationLevel.AUTONOMOUS);
    private static final Criterion TWO_REPAIRS = new Criterion.ContributionsMade(ContributionRole.REPAIRER, 2);

    private ObservedStorage observed;
    private LedgerStorage storage;
    private AwardDriver ledger;
    private AwardProjection awards;

    @BeforeEach
    void freshStorage() {
        observed = ObservedStorage.open("award");
        storage = observed.storage();
        ledger = new AwardDriver(storage);
        awards = ledger.awards();
        ledger.apply(laserRegistered());
    }

    @AfterEach
    void close() {
        observed.close();
    }

    private void define(AchievementId id, Criterion... criteria) {
        ledger.define(new AchievementDefined(id, FABLAB, 1, id.value(), "description", List.of(criteria),
                                             "https://img/" + id));
    }

    private List<Award> awardsOf(MemberId member) {
        return awards.find(new FindMemberAwards(member)).awards();
    }

    @Test
    void awardsWhenTheLastCriterionIsMet() {
        define(LASER_BADGE, LASER_COURSE, LASER_HELD);
        ledger.apply(training(ADA, "training-1", "laser-basics", days(1)), "event-1");
        assertThat(awardsOf(ADA)).isEmpty();

        ledger.apply(laserCertification(ADA, "cert-1", days(2)), "event-2");

        assertThat(awardsOf(ADA)).singleElement().satisfies(award -> {
            assertThat(award.memberId()).isEqualTo(ADA);
            assertThat(award.achievementId()).isEqualTo(LASER_BADGE);
            assertThat(award.achievementVersion()).isEqualTo(1);
            assertThat(award.labId()).isEqualTo(FABLAB);
            assertThat(award.awardId()).isEqualTo(Award.idFor(ADA, LASER_BADGE, 1, "event-2"));
            assertThat(award.awardedAt()).isEqualTo(days(2));
        });
    }

    @Test
    void awardedAtIsTheBusinessTimeOfTheFactThatMetTheCriteria() {
        define(LASER_BADGE, LASER_COURSE);

        ledger.apply(training(ADA, "training-1", "laser-basics", days(3)), "event-1");

        assertThat(awardsOf(ADA).get(0).awardedAt()).isEqualTo(days(3));
    }

    /**
     * A 35-hour course recorded as five parts; part 3 (16 October) was typed in after part 5 (13 November). The
     * criteria were met on 13 November, the day of the last part, not on the day of the part recorded last.
     */
    @Test
    void anAwardIsDatedWhenItsCriteriaBecameMetNotByTheFactRecordedLast() {
        Criterion[] parts = new Criterion[5];
        for (int part = 1; part <= 5; part++) {
            parts[part - 1] = new Criterion.TrainingCompleted("fab-35h-part-" + part);
        }
        define(COURSE_BADGE, parts);
        Instant[] completed = {Instant.parse("2026-09-18T16:00:00Z"), Instant.parse("2026-10-02T16:00:00Z"),
                               Instant.parse("2026-10-16T16:00:00Z"), Instant.parse("2026-10-30T16:00:00Z"),
                               Instant.parse("2026-11-13T16:00:00Z")};
        for (int part : new int[] {1, 2, 4, 5, 3}) {
            ledger.apply(training(ADA, "part-" + part, "fab-35h-part-" + part, completed[part - 1]));
        }

        assertThat(awardsOf(ADA)).singleElement().extracting(Award::awardedAt)
                .isEqualTo(Instant.parse("2026-11-13T16:00:00Z"));
    }

    /**
     * Part 3 (16 October) was typed in only after the award of 13 November... and then part 5's trainer noticed a
     * second session on 9 October counted too: the award is dated again, earlier, under the same id.
     */
    @Test
    void aFactDatedBeforeTheAwardButRecordedAfterItDatesTheAwardEarlier() {
        define(LASER_BADGE, LASER_COURSE);
        ledger.apply(training(ADA, "training-late", "laser-basics", days(10)), "event-1");
        String awardId = awardsOf(ADA).get(0).awardId();

        ledger.apply(training(ADA, "training-early", "laser-basics", days(4)), "event-2");

        assertThat(awardsOf(ADA)).singleElement().satisfies(award -> {
            assertThat(award.awardId()).isEqualTo(awardId);
            assertThat(award.awardedAt()).isEqualTo(days(4));
            assertThat(award.evidence()).containsExactly(new AwardEvidence(LASER_COURSE, List.of("training-early")));
        });
        assertThat(awards.find(new FindAward(awardId)).awardedAt()).isEqualTo(days(4));

        ledger.apply(training(ADA, "training-later", "laser-basics", days(12)), "event-3");
        assertThat(awardsOf(ADA)).singleElement().extracting(Award::awardedAt).isEqualTo(days(4));
    }

    /** Suspended on day 5, after the training of day 3: met on day 3, whether the suspension was recorded first or not. */
    @Test
    void aSuspensionAfterTheCriteriaWereMetDoesNotUndoTheirDateWhateverTheOrderOfRecording() {
        define(LASER_BADGE, LASER_HELD, LASER_COURSE);
        ledger.apply(laserCertification(ADA, "cert-1", days(1)));
        ledger.apply(new MachineCertificationSuspended(ADA, CertificationId.of("cert-1"), "incident", days(5)));

        ledger.apply(training(ADA, "training-1", "laser-basics", days(3)));

        assertThat(awardsOf(ADA)).singleElement().extracting(Award::awardedAt).isEqualTo(days(3));
    }

    /**
     * A certification that expires after a month without use, used on the laser on day 25: still valid on day 40, when
     * the training completes the criteria. Without the session it would have ended on day 31.
     */
    @Test
    void aSessionThatKeepsTheCertificationAliveCountsLikeThePassportAndTheMachine() {
        define(LASER_BADGE, LASER_HELD, LASER_COURSE);
        ledger.apply(certification(ADA, "cert-1", new CertificationScope.MachineFamily(MachineType.LASER_CUTTER),
                                   CertificationLevel.AUTONOMOUS, new ExpiryRule.AfterInactivity(1), days(1)));
        ledger.apply(new MachineSessionStarted(SessionId.of("s-1"), FABLAB, LASER, ADA, days(25), false));

        ledger.apply(training(ADA, "training-1", "laser-basics", days(40)));

        assertThat(awardsOf(ADA)).singleElement().extracting(Award::awardedAt).isEqualTo(days(40));
    }

    @Test
    void withoutTheSessionTheSameCertificationHadEndedAndEarnsNothing() {
        define(LASER_BADGE, LASER_HELD, LASER_COURSE);
        ledger.apply(certification(ADA, "cert-1", new CertificationScope.MachineFamily(MachineType.LASER_CUTTER),
                                   CertificationLevel.AUTONOMOUS, new ExpiryRule.AfterInactivity(1), days(1)));

        ledger.apply(training(ADA, "training-1", "laser-basics", days(40)));

        assertThat(awardsOf(ADA)).isEmpty();
    }

    /**
     * The process dies after the ledger stored the award but before the decision was remembered: the event is handled
     * again after the restart, the award asked for again under the same id, and the ledger records nothing new.
     */
    @Test
    void aDecisionRedoneAfterACrashAsksForTheSameAwardAndTheLedgerKeepsOne() {
        define(LASER_BADGE, LASER_COURSE);
        ledger.crashAfterNextRecord();

        assertThatThrownBy(
                () -> ledger.apply(training(ADA, "training-1", "laser-basics", days(1)), "event-1"))
                .hasMessageContaining("crash");
        ledger.apply(training(ADA, "training-1", "laser-basics", days(1)), "event-1");

        assertThat(ledger.requests()).extracting(request -> request.awardId().value())
                .containsExactly(Award.idFor(ADA, LASER_BADGE, 1, "event-1"), Award.idFor(ADA, LASER_BADGE, 1, "event-1"));
        assertThat(awardsOf(ADA)).singleElement().extracting(Award::awardId)
                .isEqualTo(Award.idFor(ADA, LASER_BADGE, 1, "event-1"));
    }

    @Test
    void reconciliationRecordsWhatTheDecisionsMissedAndNothingElse() {
        define(LASER_BADGE, LASER_COURSE);
        define(REPAIR_BADGE, TWO_REPAIRS);
        ledger.apply(training(ADA, "training-1", "laser-basics", days(1)));
        ledger.apply(contribution(BEN, "c-1", ContributionRole.REPAIRER, "2", days(2)));
        ledger.apply(contribution(BEN, "c-2", ContributionRole.REPAIRER, "2", days(3)));
        ledger.forgetAward(BEN, REPAIR_BADGE);

        List<RecordAward> recorded = ledger.reconcile();

        assertThat(recorded).singleElement().satisfies(award -> {
            assertThat(award.memberId()).isEqualTo(BEN);
            assertThat(award.achievementId()).isEqualTo(REPAIR_BADGE);
            assertThat(award.awardedAt()).isEqualTo(days(3));
        });
        assertThat(ledger.reconcile()).as("a second pass").isEmpty();
    }

    @Test
    void awardIdIsDeterministic() {
        define(LASER_BADGE, LASER_COURSE);

        ledger.apply(training(ADA, "training-1", "laser-basics", days(3)), "event-1");

        String expected = UUID.nameUUIDFromBytes("member-ada|laser-badge|1|event-1".getBytes(StandardCharsets.UTF_8))
                .toString();
        assertThat(awardsOf(ADA).get(0).awardId()).isEqualTo(expected);
    }

    @Test
    void awardsOncePerMemberAndAchievement() {
        define(LASER_BADGE, LASER_COURSE);
        ledger.apply(training(ADA, "training-1", "laser-basics", days(1)), "event-1");

        ledger.apply(training(ADA, "training-2", "laser-basics", days(2)), "event-2");
        ledger.revise(new AchievementRevised(LASER_BADGE, 2, "Laser", "again", List.of(LASER_COURSE), null), "revised");

        assertThat(awardsOf(ADA)).singleElement().extracting(Award::awardId)
                .isEqualTo(Award.idFor(ADA, LASER_BADGE, 1, "event-1"));
        assertThat(StoredDocuments.of(storage.database(), MemberAwardsReader.AWARDS)).hasSize(1);
        assertThat(ledger.requests()).as("asked the ledger once").hasSize(1);
    }

    @Test
    void recordsTheEvidenceOfEachCriterion() {
        define(REPAIR_BADGE, LASER_COURSE, TWO_REPAIRS);
        ledger.apply(training(ADA, "training-1", "laser-basics", days(1)), "event-1");
        ledger.apply(contribution(ADA, "c-1", ContributionRole.REPAIRER, "2", days(2)), "event-2");

        ledger.apply(contribution(ADA, "c-2", ContributionRole.REPAIRER, "2", days(3)), "event-3");

        assertThat(awardsOf(ADA).get(0).evidence()).containsExactly(
                new AwardEvidence(LASER_COURSE, List.of("training-1")),
                new AwardEvidence(TWO_REPAIRS, List.of("c-1", "c-2")));
    }

    @Test
    void findAwardReturnsTheRecordByItsId() {
        define(LASER_BADGE, LASER_COURSE);
        ledger.apply(training(ADA, "training-1", "laser-basics", days(1)), "event-1");
        Award award = awardsOf(ADA).get(0);

        assertThat(awards.find(new FindAward(award.awardId()))).isEqualTo(award);
        assertThat(awards.find(new FindAward("no-such-award"))).isNull();
    }

    @Test
    void ignoresFactsAtAnotherLab() {
        define(LASER_BADGE, LASER_COURSE);

        ledger.apply(new TrainingCompleted(ADA, TrainingId.of("training-1"), OTHER_LAB, "laser-basics",
                                        BigDecimal.ONE, TRAINER, days(1)), "event-1");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void retractedTrainingDoesNotCount() {
        define(LASER_BADGE, LASER_COURSE, TWO_REPAIRS);
        ledger.apply(training(ADA, "training-1", "laser-basics", days(1)), "event-1");
        ledger.apply(new TrainingRecordRetracted(ADA, TrainingId.of("training-1"), "wrong member", days(2)));
        ledger.apply(contribution(ADA, "c-1", ContributionRole.REPAIRER, "2", days(3)), "event-3");

        ledger.apply(contribution(ADA, "c-2", ContributionRole.REPAIRER, "2", days(4)), "event-4");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void retractedContributionsDoNotCount() {
        define(REPAIR_BADGE, TWO_REPAIRS);
        ledger.apply(contribution(ADA, "c-1", ContributionRole.REPAIRER, "2", days(1)), "event-1");
        ledger.apply(new WorkshopContributionRetracted(ADA, ContributionId.of("c-1"), "duplicate", days(2)));

        ledger.apply(contribution(ADA, "c-2", ContributionRole.REPAIRER, "2", days(3)), "event-3");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void contributionsInAnotherRoleDoNotCount() {
        define(REPAIR_BADGE, TWO_REPAIRS);
        ledger.apply(contribution(ADA, "c-1", ContributionRole.REPAIRER, "2", days(1)), "event-1");

        ledger.apply(contribution(ADA, "c-2", ContributionRole.HELPER, "2", days(3)), "event-2");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void suspendedCertificationDoesNotCount() {
        define(LASER_BADGE, LASER_HELD, LASER_COURSE);
        ledger.apply(laserCertification(ADA, "cert-1", days(1)), "event-1");
        ledger.apply(new MachineCertificationSuspended(ADA, CertificationId.of("cert-1"), "incident", days(2)));

        ledger.apply(training(ADA, "training-1", "laser-basics", days(3)), "event-3");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void revokedCertificationDoesNotCount() {
        define(LASER_BADGE, LASER_HELD, LASER_COURSE);
        ledger.apply(laserCertification(ADA, "cert-1", days(1)), "event-1");
        ledger.apply(new MachineCertificationRevoked(ADA, CertificationId.of("cert-1"), "unsafe", days(2)));

        ledger.apply(training(ADA, "training-1", "laser-basics", days(3)), "event-3");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    /** Met only once the certification was reinstated: dated then, not when the training was. */
    @Test
    void reinstatingACertificationCanTriggerTheAward() {
        define(LASER_BADGE, LASER_HELD, LASER_COURSE);
        ledger.apply(laserCertification(ADA, "cert-1", days(1)), "event-1");
        ledger.apply(new MachineCertificationSuspended(ADA, CertificationId.of("cert-1"), "incident", days(2)));
        ledger.apply(training(ADA, "training-1", "laser-basics", days(3)), "event-3");

        ledger.apply(new MachineCertificationReinstated(ADA, CertificationId.of("cert-1"), days(4)), "event-4");

        assertThat(awardsOf(ADA)).singleElement().satisfies(award -> {
            assertThat(award.awardId()).isEqualTo(Award.idFor(ADA, LASER_BADGE, 1, "event-4"));
            assertThat(award.awardedAt()).isEqualTo(days(4));
        });
    }

    @Test
    void certificationThatEndedBeforeTheOtherCriteriaWereMetDoesNotCount() {
        define(LASER_BADGE, LASER_HELD, LASER_COURSE);
        ledger.apply(certification(ADA, "cert-1", new CertificationScope.MachineFamily(MachineType.LASER_CUTTER),
                                CertificationLevel.AUTONOMOUS, new ExpiryRule.AfterPeriod(Period.ofDays(10)), days(1)),
                  "event-1");

        ledger.apply(training(ADA, "training-1", "laser-basics", days(11)), "event-2");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void certificationBelowTheMinimumLevelDoesNotCount() {
        define(LASER_BADGE, LASER_HELD);

        ledger.apply(certification(ADA, "cert-1", new CertificationScope.MachineFamily(MachineType.LASER_CUTTER),
                                CertificationLevel.SUPERVISED, new ExpiryRule.Never(), days(1)), "event-1");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void certificationOnAnotherMachineTypeDoesNotCount() {
        define(LASER_BADGE, LASER_HELD);

        ledger.apply(certification(ADA, "cert-1", new CertificationScope.MachineFamily(MachineType.CNC_MILL),
                                CertificationLevel.TRAINER, new ExpiryRule.Never(), days(1)), "event-1");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void oneMachineCertificationCountsForThatMachinesType() {
        define(LASER_BADGE, LASER_HELD);

        ledger.apply(certification(ADA, "cert-1", new CertificationScope.OneMachine(LASER), CertificationLevel.TRAINER,
                                new ExpiryRule.Never(), days(1)), "event-1");

        assertThat(awardsOf(ADA)).singleElement().extracting(Award::evidence)
                .isEqualTo(List.of(new AwardEvidence(LASER_HELD, List.of("cert-1"))));
    }

    /** A badge defined today for a course taken on day 1: the member met its criteria on day 1. */
    @Test
    void definingAnAchievementAwardsMembersWhoAlreadyQualifyAtTheTimeTheyDid() {
        ledger.apply(training(ADA, "training-1", "laser-basics", days(1)), "event-1");
        ledger.apply(training(BEN, "training-2", "cnc-basics", days(1)), "event-2");

        ledger.define(new AchievementDefined(LASER_BADGE, FABLAB, 1, "Laser", "d", List.of(LASER_COURSE), null),
                      "definition-event");

        assertThat(awardsOf(BEN)).isEmpty();
        assertThat(awardsOf(ADA)).singleElement().satisfies(award -> {
            assertThat(award.awardId()).isEqualTo(Award.idFor(ADA, LASER_BADGE, 1, "definition-event"));
            assertThat(award.awardedAt()).isEqualTo(days(1));
        });
    }

    @Test
    void revisionAwardsUnderItsNewVersion() {
        define(LASER_BADGE, LASER_COURSE, TWO_REPAIRS);
        ledger.apply(training(ADA, "training-1", "laser-basics", days(1)), "event-1");

        ledger.revise(new AchievementRevised(LASER_BADGE, 2, "Laser", "easier", List.of(LASER_COURSE), null), "revised");

        assertThat(awardsOf(ADA)).singleElement().satisfies(award -> {
            assertThat(award.achievementVersion()).isEqualTo(2);
            assertThat(award.awardId()).isEqualTo(Award.idFor(ADA, LASER_BADGE, 2, "revised"));
        });
    }

    @Test
    void retiredAchievementIsNoLongerAwarded() {
        define(LASER_BADGE, LASER_COURSE);

        ledger.retire(new AchievementRetired(LASER_BADGE, 1, "replaced"));
        ledger.apply(training(ADA, "training-1", "laser-basics", days(1)), "event-1");

        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void applyingAnEventTwiceLeavesTheSameState() {
        define(REPAIR_BADGE, LASER_COURSE, TWO_REPAIRS);
        ledger.apply(training(ADA, "training-1", "laser-basics", days(1)), "event-1");
        ledger.apply(contribution(ADA, "c-1", ContributionRole.REPAIRER, "2", days(2)), "event-2");
        ledger.apply(contribution(ADA, "c-2", ContributionRole.REPAIRER, "2", days(3)), "event-3");
        Map<String, List<Document>> once = StoredDocuments.readModels(storage.database());

        define(REPAIR_BADGE, LASER_COURSE, TWO_REPAIRS);
        ledger.apply(training(ADA, "training-1", "laser-basics", days(1)), "event-1");
        ledger.apply(contribution(ADA, "c-2", ContributionRole.REPAIRER, "2", days(3)), "event-3");
        ledger.apply(laserRegistered());

        assertThat(StoredDocuments.readModels(storage.database())).isEqualTo(once);
    }

    @Test
    void redeliveredDefinitionKeepsTheLaterRevisionAndRetirement() {
        AchievementDefined defined = new AchievementDefined(LASER_BADGE, FABLAB, 1, "Laser", "d", List.of(LASER_COURSE), null);
        ledger.define(defined, "defined");
        ledger.revise(new AchievementRevised(LASER_BADGE, 2, "Laser", "d2", List.of(LASER_COURSE, LASER_HELD), null),
                      "revised");
        ledger.retire(new AchievementRetired(LASER_BADGE, 2, "replaced"));
        Map<String, List<Document>> once = StoredDocuments.readModels(storage.database());

        ledger.define(defined, "defined");
        ledger.apply(training(ADA, "training-1", "laser-basics", days(2)), "event-1");

        assertThat(StoredDocuments.of(storage.database(), AwardDecisions.DEFINITIONS))
                .isEqualTo(once.get(AwardDecisions.DEFINITIONS));
        assertThat(awardsOf(ADA)).isEmpty();
    }

    @Test
    void memberEventsReadOnlyByIdAndQueriesToo() {
        define(LASER_BADGE, LASER_COURSE, LASER_HELD);
        observed.reset();

        ledger.apply(training(ADA, "training-1", "laser-basics", days(1)), "event-1");
        ledger.apply(laserCertification(ADA, "cert-1", days(2)), "event-2");
        Award award = awardsOf(ADA).get(0);
        awards.find(new FindAward(award.awardId()));

        assertThat(observed.reads()).isNotEmpty().allMatch(ObservedStorage::isPointLookupOnId);
    }

    @Test
    void resetForgetsEveryAward() {
        define(LASER_BADGE, LASER_COURSE);
        ledger.apply(training(ADA, "training-1", "laser-basics", days(1)), "event-1");

        ledger.decisions().reset();
        awards.reset();

        assertThat(awardsOf(ADA)).isEmpty();
        assertThat(StoredDocuments.readModels(storage.database())).allSatisfy((name, documents) -> assertThat(documents).isEmpty());
    }
}
