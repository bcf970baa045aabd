package org.makerspace.projections.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.projections.award.Award;
import org.makerspace.projections.award.AwardMade;
import org.makerspace.projections.award.AwardedAchievement;
import org.makerspace.projections.award.CriterionEvidence;
import org.makerspace.projections.award.HeldCertification;
import org.makerspace.projections.credential.ob3.Validity;

class CredentialValidityTest {

    private static final LabId LAB = LabId.of("fablab");
    private static final AchievementId BADGE = AchievementId.of("badge");
    private static final Instant AWARDED = Instant.parse("2026-03-02T10:15:30.250Z");
    private static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");
    private static final Instant JUNE = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant JULY = Instant.parse("2026-07-01T00:00:00Z");
    private static final Criterion LASER = new Criterion.CertificationHeld(MachineType.LASER_CUTTER,
                                                                            CertificationLevel.AUTONOMOUS);
    private static final Criterion MILL = new Criterion.CertificationHeld(MachineType.CNC_MILL,
                                                                           CertificationLevel.AUTONOMOUS);
    private static final Criterion COURSE = new Criterion.TrainingCompleted("laser-basics");

    private static AwardMade made(List<CriterionEvidence> evidence, HeldCertification... held) {
        List<Criterion> criteria = evidence.stream().map(CriterionEvidence::criterion).toList();
        Award award = new Award("award-1", MemberId.of("ada"), BADGE, 1, LAB, "event-1", AWARDED, evidence);
        return new AwardMade(award, new AwardedAchievement(BADGE, LAB, 1, "Badge", "", null, criteria), List.of(held));
    }

    private static HeldCertification held(String id, Instant validUntil) {
        return new HeldCertification(CertificationId.of(id), validUntil);
    }

    @Test
    void aCriterionHoldsAsLongAsTheLongestOfItsCertifications() {
        Validity validity = CredentialValidity.of(made(List.of(new CriterionEvidence(LASER, List.of("c-1", "c-2"))),
                                                       held("c-1", MAY), held("c-2", JUNE)));

        assertThat(validity.validUntil()).isEqualTo(JUNE);
    }

    @Test
    void theCredentialEndsWithTheFirstCriterionToEnd() {
        Validity validity = CredentialValidity.of(made(List.of(new CriterionEvidence(LASER, List.of("c-1")),
                                                               new CriterionEvidence(MILL, List.of("c-2"))),
                                                       held("c-1", JULY), held("c-2", MAY)));

        assertThat(validity.validUntil()).isEqualTo(MAY);
    }

    @Test
    void aCertificationThatNeverExpiresGivesNoEnd() {
        Validity validity = CredentialValidity.of(made(List.of(new CriterionEvidence(LASER, List.of("c-1", "c-2"))),
                                                       held("c-1", MAY), held("c-2", null)));

        assertThat(validity.validUntil()).isNull();
    }

    @Test
    void anAwardWithoutCertificationCriterionHasNoEnd() {
        Validity validity = CredentialValidity.of(made(List.of(new CriterionEvidence(COURSE, List.of("t-1")))));

        assertThat(validity.validUntil()).isNull();
        assertThat(validity.validFrom()).isEqualTo(Instant.parse("2026-03-02T10:15:30Z"));
    }

    @Test
    void aCertificationEndingInTheAwardsSecondEndsTheCredentialOneSecondLater() {
        Validity validity = CredentialValidity.of(made(List.of(new CriterionEvidence(LASER, List.of("c-1"))),
                                                       held("c-1", AWARDED.plusMillis(500))));

        assertThat(validity.validUntil()).isEqualTo(Instant.parse("2026-03-02T10:15:31Z"));
    }
}
