package org.makerspace.projections.passport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.support.TestEvents.ADA;
import static org.makerspace.projections.support.TestEvents.T0;
import static org.makerspace.projections.support.TestEvents.days;
import static org.makerspace.projections.support.TestEvents.laserCertification;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.projections.support.TestEvents;

class CertificationEntryTest {

    private final CertificationEntry yearLong = CertificationEntry.of(laserCertification(ADA, "cert-1", T0));
    private final Instant end = T0.atOffset(java.time.ZoneOffset.UTC).plus(Period.ofYears(1)).toInstant();

    @Test
    void validUntilFollowsTheExpiryRuleWithTheGrantAsLastUse() {
        assertThat(yearLong.validUntil()).isEqualTo(end);
        assertThat(yearLong.lastUsedAt()).isEqualTo(T0);
    }

    @Test
    void neverExpiringCertificationHasNoEndAndStaysValid() {
        CertificationEntry forever = CertificationEntry.of(TestEvents.certification(
                ADA, "cert-2", new CertificationScope.MachineFamily(MachineType.LASER_CUTTER),
                CertificationLevel.AUTONOMOUS, new ExpiryRule.Never(), T0));

        assertThat(forever.validUntil()).isNull();
        assertThat(forever.statusAt(days(10_000))).isEqualTo(CertificationStatus.VALID);
    }

    @Test
    void isValidMoreThanThirtyDaysBeforeItsEnd() {
        assertThat(yearLong.statusAt(end.minus(Duration.ofDays(30)).minusNanos(1))).isEqualTo(CertificationStatus.VALID);
    }

    @Test
    void isExpiringSoonWithinThirtyDaysOfItsEnd() {
        assertThat(yearLong.statusAt(end.minus(Duration.ofDays(30)))).isEqualTo(CertificationStatus.EXPIRING_SOON);
        assertThat(yearLong.statusAt(end.minusNanos(1))).isEqualTo(CertificationStatus.EXPIRING_SOON);
    }

    @Test
    void isExpiredFromItsEnd() {
        assertThat(yearLong.statusAt(end)).isEqualTo(CertificationStatus.EXPIRED);
    }

    @Test
    void suspensionOutranksExpiry() {
        assertThat(yearLong.suspended("incident", days(1)).statusAt(end.plusSeconds(1)))
                .isEqualTo(CertificationStatus.SUSPENDED);
    }

    @Test
    void revocationIsFinal() {
        CertificationEntry revoked = yearLong.revoked("unsafe use", days(2));

        assertThat(revoked.suspended("again", days(3)).reinstated().statusAt(days(4))).isEqualTo(CertificationStatus.REVOKED);
    }
}
