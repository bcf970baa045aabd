package org.makerspace.ledger.member;

import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;
import static org.makerspace.ledger.member.MemberTestData.ALICE;
import static org.makerspace.ledger.member.MemberTestData.BOB;
import static org.makerspace.ledger.member.MemberTestData.LASER_1;
import static org.makerspace.ledger.member.MemberTestData.LASER_2;
import static org.makerspace.ledger.member.MemberTestData.MARIE;
import static org.makerspace.ledger.member.MemberTestData.MARIE_REGISTERED;
import static org.makerspace.ledger.member.MemberTestData.PARIS;
import static org.makerspace.ledger.member.MemberTestData.memberFixture;

import java.time.Instant;
import java.time.Period;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.common.UnknownReference;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.GrantMachineCertification;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberSuspended;
import org.makerspace.ledger.member.api.ReinstateMachineCertification;
import org.makerspace.ledger.member.api.RevokeMachineCertification;
import org.makerspace.ledger.member.api.SuspendMachineCertification;

class MachineCertificationTest {

    private static final CertificationId CERT = CertificationId.of("cert-laser-1");
    private static final Instant GRANTED = Instant.parse("2026-02-11T15:00:00Z");
    private static final Instant SUSPENDED = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant REINSTATED = Instant.parse("2026-03-08T09:00:00Z");
    private static final Instant REVOKED = Instant.parse("2026-05-01T09:00:00Z");
    private static final CertificationScope ON_LASER_1 = new CertificationScope.OneMachine(LASER_1);
    private static final ExpiryRule TWO_YEARS = new ExpiryRule.AfterPeriod(Period.ofYears(2));

    private static final MachineCertificationGranted CERT_GRANTED = new MachineCertificationGranted(
            MARIE, CERT, PARIS, ON_LASER_1, CertificationLevel.AUTONOMOUS, TWO_YEARS, ALICE, GRANTED);
    private static final MachineCertificationSuspended CERT_SUSPENDED =
            new MachineCertificationSuspended(MARIE, CERT, "left the laser unattended", SUSPENDED);
    private static final MachineCertificationReinstated CERT_REINSTATED = new MachineCertificationReinstated(MARIE, CERT, REINSTATED);
    private static final MachineCertificationRevoked CERT_REVOKED =
            new MachineCertificationRevoked(MARIE, CERT, "second incident", REVOKED);

    private final FixtureConfiguration<Member> fixture = memberFixture();

    private static GrantMachineCertification grant(CertificationScope scope, TrainerId trainer) {
        return new GrantMachineCertification(MARIE, CERT, PARIS, scope, CertificationLevel.AUTONOMOUS, TWO_YEARS, trainer, GRANTED);
    }

    // GrantMachineCertification

    @Test
    void canGrantCertificationWhenTrainerQualified() {
        fixture.given(MARIE_REGISTERED)
                .when(grant(ON_LASER_1, ALICE))
                .expectEvents(CERT_GRANTED);
    }

    @Test
    void canGrantCertificationOnMachineTypeWhenTrainerQualified() {
        CertificationScope laserCutters = new CertificationScope.MachineFamily(MachineType.LASER_CUTTER);

        fixture.given(MARIE_REGISTERED)
                .when(grant(laserCutters, ALICE))
                .expectEvents(new MachineCertificationGranted(MARIE, CERT, PARIS, laserCutters, CertificationLevel.AUTONOMOUS, TWO_YEARS,
                        ALICE, GRANTED));
    }

    @Test
    void canGrantCertificationToSuspendedMember() {
        fixture.given(MARIE_REGISTERED, new MemberSuspended(MARIE, "unpaid fees", GRANTED.minusSeconds(86_400)))
                .when(grant(ON_LASER_1, ALICE))
                .expectEvents(CERT_GRANTED);
    }

    @Test
    void cannotCertifyWhenTrainerNotQualified() {
        fixture.given(MARIE_REGISTERED)
                .when(grant(ON_LASER_1, BOB))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("trainer-not-qualified"))
                .expectExceptionMessage("trainer bob of lab fablab-paris is not qualified on laser-cutter (qualified on: no machine type)");
    }

    @Test
    void cannotCertifyOnMachineTypeTrainerIsNotQualifiedOn() {
        fixture.given(MARIE_REGISTERED)
                .when(grant(new CertificationScope.MachineFamily(MachineType.CNC_MILL), ALICE))
                .expectException(refusedWithCode("trainer-not-qualified"))
                .expectExceptionMessage("trainer alice of lab fablab-paris is not qualified on cnc-mill (qualified on: laser-cutter)");
    }

    @Test
    void cannotCertifyOnMachineOutOfService() {
        fixture.given(MARIE_REGISTERED)
                .when(grant(new CertificationScope.OneMachine(LASER_2), ALICE))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("machine-out-of-service"))
                .expectExceptionMessage("machine laser-2 of lab fablab-paris is out of service since 2026-03-02T10:00:00Z: lens cleaning");
    }

    @Test
    void cannotCertifyOnUnknownMachine() {
        fixture.given(MARIE_REGISTERED)
                .when(grant(new CertificationScope.OneMachine(MachineId.of("laser-9")), ALICE))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-machine"))
                .expectExceptionMessage("machine laser-9 is not registered in lab fablab-paris");
    }

    @Test
    void cannotCertifyWithTrainerNotRegisteredInLab() {
        fixture.given(MARIE_REGISTERED)
                .when(grant(ON_LASER_1, TrainerId.of("carol")))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-trainer"))
                .expectExceptionMessage("trainer carol is not registered in lab fablab-paris");
    }

    @Test
    void cannotCertifyInUnknownLab() {
        fixture.given(MARIE_REGISTERED)
                .when(new GrantMachineCertification(MARIE, CERT, LabId.of("fablab-x"), ON_LASER_1, CertificationLevel.AUTONOMOUS, TWO_YEARS,
                        ALICE, GRANTED))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-lab"))
                .expectExceptionMessage("lab fablab-x is not registered");
    }

    @Test
    void cannotGrantSameCertificationTwice() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED)
                .when(grant(ON_LASER_1, ALICE))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("duplicate-certification"))
                .expectExceptionMessage("certification cert-laser-1 is already recorded for member marie");
    }

    @Test
    void cannotGrantCertificationExpiringBeforeItIsGranted() {
        ExpiryRule expired = new ExpiryRule.OnDate(GRANTED.minusSeconds(1));

        fixture.given(MARIE_REGISTERED)
                .when(new GrantMachineCertification(MARIE, CERT, PARIS, ON_LASER_1, CertificationLevel.AUTONOMOUS, expired, ALICE, GRANTED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("expiry must end after grantedAt 2026-02-11T15:00:00Z, but ends at 2026-02-11T14:59:59Z");
    }

    @Test
    void cannotGrantCertificationWithoutLevel() {
        fixture.given(MARIE_REGISTERED)
                .when(new GrantMachineCertification(MARIE, CERT, PARIS, ON_LASER_1, null, TWO_YEARS, ALICE, GRANTED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("level is required");
    }

    // SuspendMachineCertification

    @Test
    void canSuspendCertification() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED)
                .when(new SuspendMachineCertification(MARIE, CERT, "left the laser unattended", SUSPENDED))
                .expectEvents(CERT_SUSPENDED);
    }

    @Test
    void canSuspendCertificationAgainAfterReinstatement() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED, CERT_SUSPENDED, CERT_REINSTATED)
                .when(new SuspendMachineCertification(MARIE, CERT, "second incident", REVOKED))
                .expectEvents(new MachineCertificationSuspended(MARIE, CERT, "second incident", REVOKED));
    }

    @Test
    void cannotSuspendUnknownCertification() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED)
                .when(new SuspendMachineCertification(MARIE, CertificationId.of("cert-cnc"), "incident", SUSPENDED))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-certification"))
                .expectExceptionMessage("member marie has no certification cert-cnc");
    }

    @Test
    void cannotSuspendSuspendedCertification() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED, CERT_SUSPENDED)
                .when(new SuspendMachineCertification(MARIE, CERT, "another incident", REINSTATED))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("certification-suspended"))
                .expectExceptionMessage("certification cert-laser-1 of member marie was suspended at 2026-03-01T09:00:00Z:"
                        + " left the laser unattended");
    }

    @Test
    void cannotSuspendRevokedCertification() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED, CERT_REVOKED)
                .when(new SuspendMachineCertification(MARIE, CERT, "incident", REVOKED.plusSeconds(60)))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("certification-revoked"))
                .expectExceptionMessage("certification cert-laser-1 of member marie was revoked at 2026-05-01T09:00:00Z: second incident");
    }

    @Test
    void cannotSuspendCertificationBeforeItWasGranted() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED)
                .when(new SuspendMachineCertification(MARIE, CERT, "incident", Instant.parse("2026-02-01T00:00:00Z")))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("out-of-sequence"))
                .expectExceptionMessage("suspension of certification cert-laser-1 of member marie at 2026-02-01T00:00:00Z"
                        + " is before it was granted at 2026-02-11T15:00:00Z");
    }

    @Test
    void cannotSuspendCertificationWithoutReason() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED)
                .when(new SuspendMachineCertification(MARIE, CERT, "", SUSPENDED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason must not be blank");
    }

    // ReinstateMachineCertification

    @Test
    void canReinstateSuspendedCertification() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED, CERT_SUSPENDED)
                .when(new ReinstateMachineCertification(MARIE, CERT, REINSTATED))
                .expectEvents(CERT_REINSTATED);
    }

    @Test
    void cannotReinstateCertificationNotSuspended() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED)
                .when(new ReinstateMachineCertification(MARIE, CERT, REINSTATED))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("certification-not-suspended"))
                .expectExceptionMessage("certification cert-laser-1 of member marie is not suspended: it was granted at 2026-02-11T15:00:00Z");
    }

    @Test
    void cannotReinstateCertificationTwice() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED, CERT_SUSPENDED, CERT_REINSTATED)
                .when(new ReinstateMachineCertification(MARIE, CERT, REVOKED))
                .expectException(refusedWithCode("certification-not-suspended"))
                .expectExceptionMessage("certification cert-laser-1 of member marie is not suspended: it was reinstated at 2026-03-08T09:00:00Z");
    }

    @Test
    void cannotReinstateRevokedCertification() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED, CERT_SUSPENDED, CERT_REVOKED)
                .when(new ReinstateMachineCertification(MARIE, CERT, REVOKED.plusSeconds(60)))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("certification-revoked"))
                .expectExceptionMessage("certification cert-laser-1 of member marie was revoked at 2026-05-01T09:00:00Z: second incident");
    }

    @Test
    void cannotReinstateCertificationBeforeItWasSuspended() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED, CERT_SUSPENDED)
                .when(new ReinstateMachineCertification(MARIE, CERT, GRANTED))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("out-of-sequence"))
                .expectExceptionMessage("reinstatement of certification cert-laser-1 of member marie at 2026-02-11T15:00:00Z"
                        + " is before it was suspended at 2026-03-01T09:00:00Z");
    }

    @Test
    void cannotReinstateUnknownCertification() {
        fixture.given(MARIE_REGISTERED)
                .when(new ReinstateMachineCertification(MARIE, CERT, REINSTATED))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-certification"))
                .expectExceptionMessage("member marie has no certification cert-laser-1");
    }

    // RevokeMachineCertification

    @Test
    void canRevokeCertification() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED)
                .when(new RevokeMachineCertification(MARIE, CERT, "second incident", REVOKED))
                .expectEvents(CERT_REVOKED);
    }

    @Test
    void canRevokeSuspendedCertification() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED, CERT_SUSPENDED)
                .when(new RevokeMachineCertification(MARIE, CERT, "second incident", REVOKED))
                .expectEvents(CERT_REVOKED);
    }

    @Test
    void cannotRevokeCertificationTwice() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED, CERT_REVOKED)
                .when(new RevokeMachineCertification(MARIE, CERT, "third incident", REVOKED.plusSeconds(60)))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("certification-revoked"))
                .expectExceptionMessage("certification cert-laser-1 of member marie was revoked at 2026-05-01T09:00:00Z: second incident");
    }

    @Test
    void cannotRevokeCertificationBeforeItWasGranted() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED)
                .when(new RevokeMachineCertification(MARIE, CERT, "incident", Instant.parse("2026-01-01T00:00:00Z")))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("out-of-sequence"))
                .expectExceptionMessage("revocation of certification cert-laser-1 of member marie at 2026-01-01T00:00:00Z"
                        + " is before it was granted at 2026-02-11T15:00:00Z");
    }

    @Test
    void cannotRevokeCertificationBeforeItWasSuspended() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED, CERT_SUSPENDED)
                .when(new RevokeMachineCertification(MARIE, CERT, "incident", GRANTED.plusSeconds(60)))
                .expectException(refusedWithCode("out-of-sequence"))
                .expectExceptionMessage("revocation of certification cert-laser-1 of member marie at 2026-02-11T15:01:00Z"
                        + " is before it was suspended at 2026-03-01T09:00:00Z");
    }

    @Test
    void cannotRevokeUnknownCertification() {
        fixture.given(MARIE_REGISTERED)
                .when(new RevokeMachineCertification(MARIE, CERT, "incident", REVOKED))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-certification"))
                .expectExceptionMessage("member marie has no certification cert-laser-1");
    }

    @Test
    void cannotRevokeCertificationWithoutReason() {
        fixture.given(MARIE_REGISTERED, CERT_GRANTED)
                .when(new RevokeMachineCertification(MARIE, CERT, null, REVOKED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason must not be blank");
    }
}
