package org.makerspace.projections.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.AwardEvidence;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.projections.award.Award;
import org.makerspace.projections.certification.CertificationTerm;
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

    /** The validity of an award with this evidence, given the terms of the certifications it names. */
    private static Validity validityOf(List<AwardEvidence> evidence, Held... held) {
        Award award = new Award("award-1", MemberId.of("ada"), BADGE, 1, LAB, AWARDED, evidence);
        Map<CertificationId, CertificationTerm> terms = new HashMap<>();
        for (Held one : held) {
            terms.put(one.id(), one.term());
        }
        return CredentialValidity.of(award, id -> Optional.ofNullable(terms.get(id)));
    }

    private record Held(CertificationId id, CertificationTerm term) {
    }

    /** A certification granted before the award that ends at {@code validUntil} (null: never). */
    private static Held held(String id, Instant validUntil) {
        return new Held(CertificationId.of(id),
                        new CertificationTerm(new ExpiryRule.Never(), AWARDED.minusSeconds(86_400), null, validUntil));
    }

    @Test
    void aCriterionHoldsAsLongAsTheLongestOfItsCertifications() {
        Validity validity = validityOf(List.of(new AwardEvidence(LASER, List.of("c-1", "c-2"))),
                                       held("c-1", MAY), held("c-2", JUNE));

        assertThat(validity.validUntil()).isEqualTo(JUNE);
    }

    @Test
    void theCredentialEndsWithTheFirstCriterionToEnd() {
        Validity validity = validityOf(List.of(new AwardEvidence(LASER, List.of("c-1")),
                                               new AwardEvidence(MILL, List.of("c-2"))),
                                       held("c-1", JULY), held("c-2", MAY));

        assertThat(validity.validUntil()).isEqualTo(MAY);
    }

    @Test
    void aCertificationThatNeverExpiresGivesNoEnd() {
        Validity validity = validityOf(List.of(new AwardEvidence(LASER, List.of("c-1", "c-2"))),
                                       held("c-1", MAY), held("c-2", null));

        assertThat(validity.validUntil()).isNull();
    }

    @Test
    void anAwardWithoutCertificationCriterionHasNoEnd() {
        Validity validity = validityOf(List.of(new AwardEvidence(COURSE, List.of("t-1"))));

        assertThat(validity.validUntil()).isNull();
        assertThat(validity.validFrom()).isEqualTo(Instant.parse("2026-03-02T10:15:30Z"));
    }

    @Test
    void aCertificationEndingInTheAwardsSecondEndsTheCredentialOneSecondLater() {
        Validity validity = validityOf(List.of(new AwardEvidence(LASER, List.of("c-1"))),
                                       held("c-1", AWARDED.plusMillis(500)));

        assertThat(validity.validUntil()).isEqualTo(Instant.parse("2026-03-02T10:15:31Z"));
    }

    /** Used on day 25 of a month-long "without use" rule: the credential ends a month after the use, as the passport. */
    @Test
    void aSessionThatMovesTheCertificationsEndMovesTheCredentialsEnd() {
        CertificationTerm granted = CertificationTerm.of(new ExpiryRule.AfterInactivity(1), AWARDED);
        Instant used = AWARDED.plus(java.time.Duration.ofDays(25));

        Validity before = validityOf(List.of(new AwardEvidence(LASER, List.of("c-1"))),
                                     new Held(CertificationId.of("c-1"), granted));
        Validity after = validityOf(List.of(new AwardEvidence(LASER, List.of("c-1"))),
                                    new Held(CertificationId.of("c-1"), granted.usedAt(used)));

        assertThat(before.validUntil()).isEqualTo(Instant.parse("2026-04-02T10:15:30Z"));
        assertThat(after.validUntil()).isEqualTo(granted.usedAt(used).validUntil().truncatedTo(ChronoUnit.SECONDS))
                .isEqualTo(Instant.parse("2026-04-27T10:15:30Z"));
    }
}
