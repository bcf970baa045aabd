package org.makerspace.projections.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.support.TestEvents.ADA;
import static org.makerspace.projections.support.TestEvents.FABLAB;
import static org.makerspace.projections.support.TestEvents.T0;
import static org.makerspace.projections.support.TestEvents.certification;
import static org.makerspace.projections.support.TestEvents.contribution;
import static org.makerspace.projections.support.TestEvents.laserRegistered;
import static org.makerspace.projections.support.TestEvents.training;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ContributionRole;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.WorkshopContributionRecorded;
import org.makerspace.ledger.testing.TestMongo;

/**
 * For random sets of facts recorded in random orders, an award is dated the same, whatever the order and whether the
 * badge was defined before or after the facts, and that date is the definition's: the earliest moment at which the
 * facts that had happened by then met every criterion. The expected date comes from a plain reading of that
 * definition written here, independently of the award rules.
 */
class AwardDatePropertyIntegrationTest {

    private static final AchievementId BADGE = AchievementId.of("property-badge");
    private static final List<String> COURSES = List.of("laser-basics", "safety", "cad");
    private static final List<ContributionRole> ROLES = List.of(ContributionRole.HELPER, ContributionRole.REPAIRER);
    private static final int HISTORIES = 60;
    private static final int ORDERS = 3;

    @Test
    void theAwardDateIsTheMomentTheCriteriaWereFirstMetWhateverTheOrderOfRecording() {
        long seed = Long.getLong("award.property.seed", 20261207L);
        Random random = new Random(seed);
        int awarded = 0;
        for (int history = 0; history < HISTORIES; history++) {
            List<Criterion> criteria = randomCriteria(random);
            List<Object> facts = randomFacts(random);
            Optional<Instant> expected = firstMet(criteria, facts);
            String context = "seed " + seed + ", history " + history + ": " + criteria + " met by " + facts;

            List<Optional<Award>> outcomes = new ArrayList<>();
            for (int order = 0; order < ORDERS; order++) {
                List<Object> shuffled = new ArrayList<>(facts);
                Collections.shuffle(shuffled, random);
                outcomes.add(awardOf(criteria, shuffled, order % 2 == 0));
            }
            outcomes.add(awardOf(criteria, facts, true)); // the first order once more: a replay
            outcomes.add(awardOf(criteria, facts, true));

            for (Optional<Award> outcome : outcomes) {
                assertThat(outcome.map(Award::awardedAt)).as(context).isEqualTo(expected);
            }
            assertThat(outcomes.get(ORDERS)).as("replay of " + context).isEqualTo(outcomes.get(ORDERS + 1));
            awarded += expected.isPresent() ? 1 : 0;
        }
        assertThat(awarded).as("histories that met their criteria, of %d", HISTORIES).isBetween(HISTORIES / 5, HISTORIES - 5);
    }

    /** Records the facts in this order on fresh storage, the badge defined first or last; the award, if any. */
    private static Optional<Award> awardOf(List<Criterion> criteria, List<Object> facts, boolean definedFirst) {
        AwardDriver ledger = new AwardDriver(TestMongo.server().freshStorage("award-property"));
        ledger.apply(laserRegistered());
        AchievementDefined defined = new AchievementDefined(BADGE, FABLAB, 1, "Badge", "d", criteria, null);
        if (definedFirst) {
            ledger.define(defined);
        }
        facts.forEach(ledger::apply);
        if (!definedFirst) {
            ledger.define(defined);
        }
        List<Award> awards = ledger.awards().find(new FindMemberAwards(ADA)).awards();
        assertThat(awards).hasSizeLessThanOrEqualTo(1);
        return awards.stream().findFirst();
    }

    // ---------------------------------------------------------------- the definition, read plainly

    private static Optional<Instant> firstMet(List<Criterion> criteria, List<Object> facts) {
        return facts.stream().map(AwardDatePropertyIntegrationTest::timeOf).sorted().distinct()
                .filter(moment -> criteria.stream().allMatch(criterion -> holds(criterion, facts, moment)))
                .findFirst();
    }

    private static boolean holds(Criterion criterion, List<Object> facts, Instant moment) {
        if (criterion instanceof Criterion.TrainingCompleted course) {
            return facts.stream().anyMatch(fact -> fact instanceof TrainingCompleted training
                    && training.courseCode().equals(course.courseCode()) && !training.completedAt().isAfter(moment));
        }
        if (criterion instanceof Criterion.CertificationHeld held) {
            return facts.stream().anyMatch(fact -> fact instanceof MachineCertificationGranted granted
                    && granted.level().atLeast(held.minimumLevel()) && !granted.grantedAt().isAfter(moment)
                    && moment.isBefore(endOf(granted)));
        }
        Criterion.ContributionsMade made = (Criterion.ContributionsMade) criterion;
        return facts.stream().filter(fact -> fact instanceof WorkshopContributionRecorded contribution
                && contribution.role() == made.role() && !contribution.happenedAt().isAfter(moment)).count() >= made.count();
    }

    private static Instant endOf(MachineCertificationGranted granted) {
        if (granted.expiry() instanceof ExpiryRule.AfterPeriod period) {
            return granted.grantedAt().plus(Duration.ofDays(period.period().getDays()));
        }
        return Instant.MAX;
    }

    private static Instant timeOf(Object fact) {
        if (fact instanceof TrainingCompleted training) {
            return training.completedAt();
        }
        if (fact instanceof MachineCertificationGranted granted) {
            return granted.grantedAt();
        }
        return ((WorkshopContributionRecorded) fact).happenedAt();
    }

    // ---------------------------------------------------------------- random histories

    private static List<Criterion> randomCriteria(Random random) {
        List<Criterion> criteria = new ArrayList<>();
        criteria.add(new Criterion.TrainingCompleted(COURSES.get(random.nextInt(COURSES.size()))));
        if (random.nextBoolean()) {
            criteria.add(new Criterion.CertificationHeld(MachineType.LASER_CUTTER, random.nextBoolean()
                    ? CertificationLevel.SUPERVISED : CertificationLevel.AUTONOMOUS));
        }
        if (random.nextBoolean()) {
            criteria.add(new Criterion.ContributionsMade(ROLES.get(random.nextInt(ROLES.size())), 1 + random.nextInt(3)));
        }
        return criteria;
    }

    /** Trainings, certifications that end or not, contributions: up to a dozen facts over 200 days. */
    private static List<Object> randomFacts(Random random) {
        List<Object> facts = new ArrayList<>();
        int count = 2 + random.nextInt(10);
        for (int i = 0; i < count; i++) {
            Instant at = T0.plus(Duration.ofMinutes(random.nextInt(200 * 24 * 60)));
            switch (random.nextInt(3)) {
                case 0 -> facts.add(training(ADA, "training-" + i, COURSES.get(random.nextInt(COURSES.size())), at));
                case 1 -> facts.add(certification(ADA, "cert-" + i, new CertificationScope.MachineFamily(MachineType.LASER_CUTTER),
                                                  CertificationLevel.values()[random.nextInt(3)],
                                                  random.nextBoolean() ? new ExpiryRule.Never()
                                                          : new ExpiryRule.AfterPeriod(Period.ofDays(10 + random.nextInt(80))),
                                                  at));
                default -> facts.add(contribution(ADA, "contribution-" + i, ROLES.get(random.nextInt(ROLES.size())), "2", at));
            }
        }
        return facts;
    }
}
