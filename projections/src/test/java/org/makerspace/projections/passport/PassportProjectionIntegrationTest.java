package org.makerspace.projections.passport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.support.TestEvents.ADA;
import static org.makerspace.projections.support.TestEvents.BEN;
import static org.makerspace.projections.support.TestEvents.FABLAB;
import static org.makerspace.projections.support.TestEvents.T0;
import static org.makerspace.projections.support.TestEvents.TRAINER;
import static org.makerspace.projections.support.TestEvents.contribution;
import static org.makerspace.projections.support.TestEvents.days;
import static org.makerspace.projections.support.TestEvents.laserCertification;
import static org.makerspace.projections.support.TestEvents.registered;
import static org.makerspace.projections.support.TestEvents.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.ContributionId;
import org.makerspace.ledger.member.api.ContributionRole;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberReinstated;
import org.makerspace.ledger.member.api.MemberSuspended;
import org.makerspace.ledger.member.api.TrainingId;
import org.makerspace.ledger.member.api.TrainingRecordRetracted;
import org.makerspace.ledger.member.api.WorkshopContributionRetracted;
import org.makerspace.ledger.recognition.api.ExternalCredentialImported;
import org.makerspace.ledger.recognition.api.ImportId;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.award.AwardDriver;
import org.makerspace.projections.recognition.ImportedCredential;
import org.makerspace.projections.recognition.ImportedCredentialsDriver;
import org.makerspace.projections.support.ObservedStorage;
import org.makerspace.projections.support.StoredDocuments;

class PassportProjectionIntegrationTest {

    private ObservedStorage observed;
    private LedgerStorage storage;
    private PassportProjection passports;

    @BeforeEach
    void freshStorage() {
        observed = ObservedStorage.open("passport");
        storage = observed.storage();
        passports = new PassportProjection(storage);
    }

    @AfterEach
    void close() {
        observed.close();
    }

    private MemberPassport passportOf(org.makerspace.ledger.member.api.MemberId member, Instant at) {
        return passports.find(new FindMemberPassport(member, at));
    }

    @Test
    void showsRegisteredMemberWithLabAndRegistrationTime() {
        passports.on(registered(ADA));

        MemberPassport passport = passportOf(ADA, days(1));

        assertThat(passport.memberId()).isEqualTo(ADA);
        assertThat(passport.labId()).isEqualTo(FABLAB);
        assertThat(passport.registeredAt()).isEqualTo(T0);
        assertThat(passport.suspended()).isFalse();
        assertThat(passport.trainings()).isEmpty();
    }

    @Test
    void hasNoPassportForAnUnknownMember() {
        assertThat(passportOf(BEN, days(1))).isNull();
    }

    @Test
    void recordsTrainingWithCourseHoursTrainerAndCompletionTime() {
        passports.on(registered(ADA));
        passports.on(training(ADA, "training-1", "laser-basics", days(2)));

        TrainingEntry training = passportOf(ADA, days(3)).trainings().get(0);

        assertThat(training.trainingId()).isEqualTo(TrainingId.of("training-1"));
        assertThat(training.courseCode()).isEqualTo("laser-basics");
        assertThat(training.hours()).isEqualTo(new BigDecimal("1.50"));
        assertThat(training.trainerId()).isEqualTo(TRAINER);
        assertThat(training.completedAt()).isEqualTo(days(2));
        assertThat(training.counts()).isTrue();
    }

    @Test
    void retractedTrainingStaysVisibleWithReasonButLeavesTheTotals() {
        passports.on(registered(ADA));
        passports.on(training(ADA, "training-1", "laser-basics", days(2)));
        passports.on(training(ADA, "training-2", "cnc-basics", days(3)));
        passports.on(new TrainingRecordRetracted(ADA, TrainingId.of("training-1"), "wrong member", days(4)));

        MemberPassport passport = passportOf(ADA, days(5));

        assertThat(passport.trainings()).hasSize(2);
        assertThat(passport.trainings().get(0).retraction()).isEqualTo(new StatusChange("wrong member", days(4)));
        assertThat(passport.totals().trainingHours()).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void totalsContributionHoursByRoleWithoutRetractedOnes() {
        passports.on(registered(ADA));
        passports.on(contribution(ADA, "c-1", ContributionRole.HELPER, "2.5", days(1)));
        passports.on(contribution(ADA, "c-2", ContributionRole.HELPER, "1.25", days(2)));
        passports.on(contribution(ADA, "c-3", ContributionRole.MENTOR, "3", days(3)));
        passports.on(contribution(ADA, "c-4", ContributionRole.MENTOR, "4", days(4)));
        passports.on(new WorkshopContributionRetracted(ADA, ContributionId.of("c-4"), "duplicate", days(5)));

        MemberPassport passport = passportOf(ADA, days(6));

        assertThat(passport.totals().contributionHoursByRole()).containsExactlyInAnyOrderEntriesOf(Map.of(
                ContributionRole.HELPER, new BigDecimal("3.75"),
                ContributionRole.MENTOR, new BigDecimal("3")));
        assertThat(passport.contributions()).hasSize(4);
        assertThat(passport.contributions().get(3).counts()).isFalse();
    }

    @Test
    void certificationCarriesLabScopeLevelRuleTrainerAndComputedValidity() {
        passports.on(registered(ADA));
        passports.on(laserCertification(ADA, "cert-1", days(1)));

        CertificationView view = passportOf(ADA, days(2)).certifications().get(0);

        assertThat(view.certification().labId()).isEqualTo(FABLAB);
        assertThat(view.certification().trainerId()).isEqualTo(TRAINER);
        assertThat(view.certification().grantedAt()).isEqualTo(days(1));
        assertThat(view.certification().validUntil())
                .isEqualTo(days(1).atOffset(ZoneOffset.UTC).plus(Period.ofYears(1)).toInstant());
        assertThat(view.status()).isEqualTo(CertificationStatus.VALID);
    }

    @Test
    void certificationStatusIsComputedAtTheAskedTime() {
        passports.on(registered(ADA));
        passports.on(laserCertification(ADA, "cert-1", T0));
        Instant end = T0.atOffset(ZoneOffset.UTC).plus(Period.ofYears(1)).toInstant();

        assertThat(passportOf(ADA, end.minusSeconds(86_400 * 10)).certifications().get(0).status())
                .isEqualTo(CertificationStatus.EXPIRING_SOON);
        assertThat(passportOf(ADA, end).certifications().get(0).status()).isEqualTo(CertificationStatus.EXPIRED);
    }

    @Test
    void suspendedCertificationShowsReasonAndTimeUntilReinstated() {
        passports.on(registered(ADA));
        passports.on(laserCertification(ADA, "cert-1", T0));
        passports.on(new MachineCertificationSuspended(ADA, CertificationId.of("cert-1"), "incident", days(3)));

        CertificationView suspended = passportOf(ADA, days(4)).certifications().get(0);
        assertThat(suspended.status()).isEqualTo(CertificationStatus.SUSPENDED);
        assertThat(suspended.certification().suspension()).isEqualTo(new StatusChange("incident", days(3)));

        passports.on(new MachineCertificationReinstated(ADA, CertificationId.of("cert-1"), days(5)));
        assertThat(passportOf(ADA, days(6)).certifications().get(0).status()).isEqualTo(CertificationStatus.VALID);
    }

    @Test
    void revokedCertificationShowsReasonAndTime() {
        passports.on(registered(ADA));
        passports.on(laserCertification(ADA, "cert-1", T0));
        passports.on(new MachineCertificationRevoked(ADA, CertificationId.of("cert-1"), "unsafe use", days(3)));

        CertificationView revoked = passportOf(ADA, days(4)).certifications().get(0);

        assertThat(revoked.status()).isEqualTo(CertificationStatus.REVOKED);
        assertThat(revoked.certification().revocation()).isEqualTo(new StatusChange("unsafe use", days(3)));
    }

    @Test
    void memberSuspensionShowsUntilReinstated() {
        passports.on(registered(ADA));
        passports.on(new MemberSuspended(ADA, "unpaid fees", days(1)));

        assertThat(passportOf(ADA, days(2)).suspension()).isEqualTo(new StatusChange("unpaid fees", days(1)));

        passports.on(new MemberReinstated(ADA, days(3)));
        assertThat(passportOf(ADA, days(4)).suspended()).isFalse();
    }

    @Test
    void showsAchievementsEarnedFromTheAwardModel() {
        AwardDriver awards = new AwardDriver(storage);
        awards.define(new AchievementDefined(AchievementId.of("laser-badge"), FABLAB, 1, "Laser", "Laser basics",
                                             List.of(new Criterion.TrainingCompleted("laser-basics")), null));
        passports.on(registered(ADA));
        passports.on(training(ADA, "training-1", "laser-basics", days(2)));
        awards.apply(training(ADA, "training-1", "laser-basics", days(2)), "event-7");

        List<EarnedAchievement> earned = passportOf(ADA, days(3)).achievements();

        assertThat(earned).singleElement().satisfies(achievement -> {
            assertThat(achievement.achievementId()).isEqualTo(AchievementId.of("laser-badge"));
            assertThat(achievement.achievementVersion()).isEqualTo(1);
            assertThat(achievement.awardedAt()).isEqualTo(days(2));
        });
    }

    @Test
    void applyingAnEventTwiceLeavesTheSameState() {
        passports.on(registered(ADA));
        passports.on(training(ADA, "training-1", "laser-basics", days(2)));
        passports.on(new TrainingRecordRetracted(ADA, TrainingId.of("training-1"), "wrong member", days(4)));
        passports.on(laserCertification(ADA, "cert-1", T0));
        passports.on(contribution(ADA, "c-1", ContributionRole.HELPER, "2.5", days(1)));
        Map<String, List<Document>> once = StoredDocuments.readModels(storage.database());

        passports.on(training(ADA, "training-1", "laser-basics", days(2)));
        passports.on(new TrainingRecordRetracted(ADA, TrainingId.of("training-1"), "wrong member", days(4)));
        passports.on(laserCertification(ADA, "cert-1", T0));
        passports.on(contribution(ADA, "c-1", ContributionRole.HELPER, "2.5", days(1)));
        passports.on(registered(ADA));

        assertThat(StoredDocuments.readModels(storage.database())).isEqualTo(once);
    }

    @Test
    void readsOnlyByMemberIdWhenProjectingAndAnswering() {
        passports.on(registered(ADA));
        observed.reset();

        passports.on(training(ADA, "training-1", "laser-basics", days(2)));
        passportOf(ADA, days(3));

        assertThat(observed.reads()).isNotEmpty().allMatch(ObservedStorage::isPointLookupOnId);
    }

    @Test
    void resetForgetsEveryPassport() {
        passports.on(registered(ADA));

        passports.reset();

        assertThat(passportOf(ADA, days(1))).isNull();
    }

    @Test
    void showsThePartnersCredentialsImportedByTheAskedTime() {
        passports.on(registered(ADA));
        ExternalCredentialImported imported = new ExternalCredentialImported(
                ADA, ImportId.of("import-1"), "https://badges.fablab-lyon.example/issuers/main",
                "https://badges.fablab-lyon.example/achievements/laser-basics", "Laser basics",
                "https://badges.fablab-lyon.example/credentials/42", days(400), days(3), List.of());
        new ImportedCredentialsDriver(storage).apply(imported);

        assertThat(passportOf(ADA, days(2)).partnerCredentials()).isEmpty();
        assertThat(passportOf(ADA, days(3)).partnerCredentials()).extracting(ImportedCredential::credentialId)
                .containsExactly("https://badges.fablab-lyon.example/credentials/42");
    }
}
