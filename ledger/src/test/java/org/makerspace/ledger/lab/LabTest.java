package org.makerspace.ledger.lab;

import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.common.UnknownReference;
import org.makerspace.ledger.lab.api.ChangeMachineRequirement;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachinePutOutOfService;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineRequirementChanged;
import org.makerspace.ledger.lab.api.MachineReturnedToService;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.OpeningHours;
import org.makerspace.ledger.lab.api.OpeningHoursSet;
import org.makerspace.ledger.lab.api.PartnerAchievementRecognised;
import org.makerspace.ledger.lab.api.PartnerAchievementRecognitionWithdrawn;
import org.makerspace.ledger.lab.api.PartnerLabTrusted;
import org.makerspace.ledger.lab.api.PartnerTrustWithdrawn;
import org.makerspace.ledger.lab.api.PutMachineOutOfService;
import org.makerspace.ledger.lab.api.QualifyTrainer;
import org.makerspace.ledger.lab.api.RecognisePartnerAchievement;
import org.makerspace.ledger.lab.api.RegisterLab;
import org.makerspace.ledger.lab.api.RegisterMachine;
import org.makerspace.ledger.lab.api.RegisterTrainer;
import org.makerspace.ledger.lab.api.ReturnMachineToService;
import org.makerspace.ledger.lab.api.RiskLevel;
import org.makerspace.ledger.lab.api.SetOpeningHours;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.lab.api.TrainerQualificationWithdrawn;
import org.makerspace.ledger.lab.api.TrainerQualified;
import org.makerspace.ledger.lab.api.TrainerRegistered;
import org.makerspace.ledger.lab.api.TrustPartnerLab;
import org.makerspace.ledger.lab.api.WithdrawPartnerAchievementRecognition;
import org.makerspace.ledger.lab.api.WithdrawPartnerTrust;
import org.makerspace.ledger.lab.api.WithdrawTrainerQualification;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;

class LabTest {

    private static final Instant IN_SERVICE = Instant.parse("2026-01-05T09:00:00Z");

    private static final LabId PARIS = LabId.of("fablab-paris");
    private static final TrainerId ALICE = TrainerId.of("alice");
    private static final TrainerId BOB = TrainerId.of("bob");
    private static final MachineId LASER_1 = MachineId.of("laser-1");
    private static final Instant BROKEN = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant REPAIRED = Instant.parse("2026-03-05T09:00:00Z");
    private static final LabIssuerIds ISSUER_IDS = lab -> "https://badges.example/ob3/issuers/" + lab;
    private static final String LYON = "https://badges.fablab-lyon.example/issuers/main";
    private static final Instant AGREED = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant FELL_OUT = Instant.parse("2026-09-01T00:00:00Z");

    private static final LabRegistered PARIS_REGISTERED =
            new LabRegistered(PARIS, "Fablab Paris", "https://fablab.paris", "hello@fablab.paris");
    private static final MachineRegistered LASER_1_REGISTERED =
            new MachineRegistered(PARIS, LASER_1, "Trotec Speedy 300", MachineType.LASER_CUTTER, RiskLevel.HIGH, 120,
                                  IN_SERVICE);

    private FixtureConfiguration<Lab> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Lab.class);
        fixture.registerInjectableResource(ISSUER_IDS);
    }

    // RegisterLab

    @Test
    void canRegisterLab() {
        fixture.givenNoPriorActivity()
                .when(new RegisterLab(PARIS, "Fablab Paris", "https://fablab.paris", "hello@fablab.paris"))
                .expectEvents(PARIS_REGISTERED);
    }

    @Test
    void canRegisterLabWithoutContactEmail() {
        fixture.givenNoPriorActivity()
                .when(new RegisterLab(PARIS, "Fablab Paris", "https://fablab.paris", null))
                .expectEvents(new LabRegistered(PARIS, "Fablab Paris", "https://fablab.paris", null));
    }

    @Test
    void cannotRegisterLabWithBlankName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterLab(PARIS, " ", "https://fablab.paris", null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("name must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fablab.paris", "ftp://fablab.paris", "/about"})
    void cannotRegisterLabWithoutAbsoluteHttpUrl(String publicUrl) {
        fixture.givenNoPriorActivity()
                .when(new RegisterLab(PARIS, "Fablab Paris", publicUrl, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("publicUrl must be an absolute http(s) URL, but was '" + publicUrl + "'");
    }

    @Test
    void cannotRegisterLabWithMalformedContactEmail() {
        fixture.givenNoPriorActivity()
                .when(new RegisterLab(PARIS, "Fablab Paris", "https://fablab.paris", "hello"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("contactEmail must be absent or an e-mail address, but was 'hello'");
    }

    // RegisterTrainer

    @Test
    void canRegisterTrainer() {
        fixture.given(PARIS_REGISTERED)
                .when(new RegisterTrainer(PARIS, ALICE))
                .expectEvents(new TrainerRegistered(PARIS, ALICE));
    }

    @Test
    void cannotRegisterTrainerTwice() {
        fixture.given(PARIS_REGISTERED, new TrainerRegistered(PARIS, ALICE))
                .when(new RegisterTrainer(PARIS, ALICE))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("duplicate-trainer"))
                .expectExceptionMessage("trainer alice is already registered in lab fablab-paris");
    }

    // QualifyTrainer

    @Test
    void canQualifyRegisteredTrainer() {
        fixture.given(PARIS_REGISTERED, new TrainerRegistered(PARIS, ALICE))
                .when(new QualifyTrainer(PARIS, ALICE, MachineType.LASER_CUTTER))
                .expectEvents(new TrainerQualified(PARIS, ALICE, MachineType.LASER_CUTTER));
    }

    @Test
    void cannotQualifyUnregisteredTrainer() {
        fixture.given(PARIS_REGISTERED, new TrainerRegistered(PARIS, ALICE))
                .when(new QualifyTrainer(PARIS, BOB, MachineType.LASER_CUTTER))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-trainer"))
                .expectExceptionMessage("trainer bob is not registered in lab fablab-paris");
    }

    @Test
    void cannotQualifyTrainerTwiceOnSameMachineType() {
        fixture.given(PARIS_REGISTERED, new TrainerRegistered(PARIS, ALICE),
                        new TrainerQualified(PARIS, ALICE, MachineType.LASER_CUTTER))
                .when(new QualifyTrainer(PARIS, ALICE, MachineType.LASER_CUTTER))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("already-qualified"))
                .expectExceptionMessage("trainer alice of lab fablab-paris is already qualified on laser-cutter");
    }

    @Test
    void canQualifyTrainerAgainAfterWithdrawal() {
        fixture.given(PARIS_REGISTERED, new TrainerRegistered(PARIS, ALICE),
                        new TrainerQualified(PARIS, ALICE, MachineType.LASER_CUTTER),
                        new TrainerQualificationWithdrawn(PARIS, ALICE, MachineType.LASER_CUTTER, "refresher overdue"))
                .when(new QualifyTrainer(PARIS, ALICE, MachineType.LASER_CUTTER))
                .expectEvents(new TrainerQualified(PARIS, ALICE, MachineType.LASER_CUTTER));
    }

    @Test
    void cannotQualifyTrainerWithoutMachineType() {
        fixture.given(PARIS_REGISTERED, new TrainerRegistered(PARIS, ALICE))
                .when(new QualifyTrainer(PARIS, ALICE, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("machineType is required");
    }

    // WithdrawTrainerQualification

    @Test
    void canWithdrawQualificationHeld() {
        fixture.given(PARIS_REGISTERED, new TrainerRegistered(PARIS, ALICE),
                        new TrainerQualified(PARIS, ALICE, MachineType.LASER_CUTTER))
                .when(new WithdrawTrainerQualification(PARIS, ALICE, MachineType.LASER_CUTTER, "refresher overdue"))
                .expectEvents(new TrainerQualificationWithdrawn(PARIS, ALICE, MachineType.LASER_CUTTER, "refresher overdue"));
    }

    @Test
    void cannotWithdrawQualificationNotHeld() {
        fixture.given(PARIS_REGISTERED, new TrainerRegistered(PARIS, ALICE),
                        new TrainerQualified(PARIS, ALICE, MachineType.LASER_CUTTER),
                        new TrainerQualified(PARIS, ALICE, MachineType.VINYL_CUTTER))
                .when(new WithdrawTrainerQualification(PARIS, ALICE, MachineType.CNC_MILL, "refresher overdue"))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("trainer-not-qualified"))
                .expectExceptionMessage(
                        "trainer alice of lab fablab-paris is not qualified on cnc-mill (qualified on: laser-cutter, vinyl-cutter)");
    }

    @Test
    void cannotWithdrawQualificationOfUnregisteredTrainer() {
        fixture.given(PARIS_REGISTERED)
                .when(new WithdrawTrainerQualification(PARIS, BOB, MachineType.CNC_MILL, "refresher overdue"))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-trainer"))
                .expectExceptionMessage("trainer bob is not registered in lab fablab-paris");
    }

    @Test
    void cannotWithdrawQualificationWithoutReason() {
        fixture.given(PARIS_REGISTERED, new TrainerRegistered(PARIS, ALICE),
                        new TrainerQualified(PARIS, ALICE, MachineType.LASER_CUTTER))
                .when(new WithdrawTrainerQualification(PARIS, ALICE, MachineType.LASER_CUTTER, ""))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason must not be blank");
    }

    // RegisterMachine

    @Test
    void canRegisterMachine() {
        fixture.given(PARIS_REGISTERED)
                .when(new RegisterMachine(PARIS, LASER_1, "Trotec Speedy 300", MachineType.LASER_CUTTER, RiskLevel.HIGH, 120, IN_SERVICE))
                .expectEvents(LASER_1_REGISTERED);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1440})
    void canRegisterMachineWithSessionLimitFromOneMinuteToOneDay(int maxSessionMinutes) {
        fixture.given(PARIS_REGISTERED)
                .when(new RegisterMachine(PARIS, LASER_1, "Trotec Speedy 300", MachineType.LASER_CUTTER, RiskLevel.HIGH, maxSessionMinutes, IN_SERVICE))
                .expectEvents(new MachineRegistered(PARIS, LASER_1, "Trotec Speedy 300", MachineType.LASER_CUTTER, RiskLevel.HIGH,
                        maxSessionMinutes, IN_SERVICE));
    }

    @ParameterizedTest
    @ValueSource(ints = {-5, 0, 1441})
    void cannotRegisterMachineWithSessionLimitOutsideOneMinuteToOneDay(int maxSessionMinutes) {
        fixture.given(PARIS_REGISTERED)
                .when(new RegisterMachine(PARIS, LASER_1, "Trotec Speedy 300", MachineType.LASER_CUTTER, RiskLevel.HIGH, maxSessionMinutes, IN_SERVICE))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("maxSessionMinutes must be between 1 and 1440, but was " + maxSessionMinutes);
    }

    @Test
    void cannotRegisterMachineWithBlankName() {
        fixture.given(PARIS_REGISTERED)
                .when(new RegisterMachine(PARIS, LASER_1, "", MachineType.LASER_CUTTER, RiskLevel.HIGH, 120, IN_SERVICE))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("name must not be blank");
    }

    @Test
    void cannotRegisterMachineWithoutRiskLevel() {
        fixture.given(PARIS_REGISTERED)
                .when(new RegisterMachine(PARIS, LASER_1, "Trotec Speedy 300", MachineType.LASER_CUTTER, null, 120, IN_SERVICE))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("riskLevel is required");
    }

    @Test
    void cannotRegisterMachineWithoutTheDateItEnteredService() {
        fixture.given(PARIS_REGISTERED)
                .when(new RegisterMachine(PARIS, LASER_1, "Trotec Speedy 300", MachineType.LASER_CUTTER, RiskLevel.HIGH, 120, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("inServiceSince is required");
    }

    @Test
    void cannotRegisterMachineTwice() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED)
                .when(new RegisterMachine(PARIS, LASER_1, "Another laser", MachineType.LASER_CUTTER, RiskLevel.HIGH, 60, IN_SERVICE))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("duplicate-machine"))
                .expectExceptionMessage("machine laser-1 is already registered in lab fablab-paris as a laser-cutter");
    }

    // PutMachineOutOfService

    @Test
    void canPutMachineOutOfService() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED)
                .when(new PutMachineOutOfService(PARIS, LASER_1, "lens cleaning", BROKEN))
                .expectEvents(new MachinePutOutOfService(PARIS, LASER_1, "lens cleaning", BROKEN));
    }

    @Test
    void cannotPutMachineOutOfServiceTwice() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED, new MachinePutOutOfService(PARIS, LASER_1, "lens cleaning", BROKEN))
                .when(new PutMachineOutOfService(PARIS, LASER_1, "fan noise", REPAIRED))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("machine-out-of-service"))
                .expectExceptionMessage("machine laser-1 of lab fablab-paris is out of service since 2026-03-02T10:00:00Z: lens cleaning");
    }

    @Test
    void cannotPutUnknownMachineOutOfService() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED)
                .when(new PutMachineOutOfService(PARIS, MachineId.of("cnc-9"), "spindle", BROKEN))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-machine"))
                .expectExceptionMessage("machine cnc-9 is not registered in lab fablab-paris");
    }

    @Test
    void cannotPutMachineOutOfServiceBeforeItReturnedToService() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED, new MachinePutOutOfService(PARIS, LASER_1, "lens cleaning", BROKEN),
                        new MachineReturnedToService(PARIS, LASER_1, REPAIRED))
                .when(new PutMachineOutOfService(PARIS, LASER_1, "fan noise", BROKEN))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("out-of-sequence"))
                .expectExceptionMessage("putting machine laser-1 of lab fablab-paris out of service at 2026-03-02T10:00:00Z"
                        + " is before it returned to service at 2026-03-05T09:00:00Z");
    }

    @Test
    void cannotPutMachineOutOfServiceWithoutReason() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED)
                .when(new PutMachineOutOfService(PARIS, LASER_1, " ", BROKEN))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason must not be blank");
    }

    @Test
    void cannotPutMachineOutOfServiceWithoutTime() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED)
                .when(new PutMachineOutOfService(PARIS, LASER_1, "lens cleaning", null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("since is required");
    }

    // ReturnMachineToService

    @Test
    void canReturnMachineToService() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED, new MachinePutOutOfService(PARIS, LASER_1, "lens cleaning", BROKEN))
                .when(new ReturnMachineToService(PARIS, LASER_1, REPAIRED))
                .expectEvents(new MachineReturnedToService(PARIS, LASER_1, REPAIRED));
    }

    @Test
    void cannotReturnMachineThatNeverLeftServiceToService() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED)
                .when(new ReturnMachineToService(PARIS, LASER_1, REPAIRED))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("machine-in-service"))
                .expectExceptionMessage("machine laser-1 of lab fablab-paris is in service since " + IN_SERVICE);
    }

    @Test
    void cannotReturnMachineToServiceTwice() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED, new MachinePutOutOfService(PARIS, LASER_1, "lens cleaning", BROKEN),
                        new MachineReturnedToService(PARIS, LASER_1, REPAIRED))
                .when(new ReturnMachineToService(PARIS, LASER_1, REPAIRED.plusSeconds(60)))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("machine-in-service"))
                .expectExceptionMessage("machine laser-1 of lab fablab-paris is in service since 2026-03-05T09:00:00Z");
    }

    @Test
    void cannotReturnMachineToServiceBeforeItWentOutOfService() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED, new MachinePutOutOfService(PARIS, LASER_1, "lens cleaning", REPAIRED))
                .when(new ReturnMachineToService(PARIS, LASER_1, BROKEN))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("out-of-sequence"))
                .expectExceptionMessage("returning machine laser-1 of lab fablab-paris to service at 2026-03-02T10:00:00Z"
                        + " is before it went out of service at 2026-03-05T09:00:00Z");
    }

    @Test
    void cannotReturnUnknownMachineToService() {
        fixture.given(PARIS_REGISTERED)
                .when(new ReturnMachineToService(PARIS, LASER_1, REPAIRED))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-machine"))
                .expectExceptionMessage("machine laser-1 is not registered in lab fablab-paris");
    }

    // TrustPartnerLab

    @Test
    void canTrustPartnerLab() {
        fixture.given(PARIS_REGISTERED)
                .when(new TrustPartnerLab(PARIS, LYON, "Fablab Lyon", AGREED))
                .expectEvents(new PartnerLabTrusted(PARIS, LYON, "Fablab Lyon", AGREED));
    }

    @Test
    void cannotTrustItself() {
        fixture.given(PARIS_REGISTERED)
                .when(new TrustPartnerLab(PARIS, "https://badges.example/ob3/issuers/fablab-paris", "Us", AGREED))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("partner-is-self"))
                .expectExceptionMessage("lab fablab-paris cannot trust itself as a partner: "
                        + "https://badges.example/ob3/issuers/fablab-paris is its own issuer profile");
    }

    @Test
    void cannotTrustPartnerTwice() {
        fixture.given(PARIS_REGISTERED, new PartnerLabTrusted(PARIS, LYON, "Fablab Lyon", AGREED))
                .when(new TrustPartnerLab(PARIS, LYON, "Lyon again", FELL_OUT))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("partner-already-trusted"))
                .expectExceptionMessage("lab fablab-paris has trusted partner Fablab Lyon (" + LYON
                        + ") since 2026-04-01T00:00:00Z");
    }

    @Test
    void canTrustPartnerAgainAfterWithdrawal() {
        fixture.given(PARIS_REGISTERED, new PartnerLabTrusted(PARIS, LYON, "Fablab Lyon", AGREED),
                        new PartnerTrustWithdrawn(PARIS, LYON, "audit pending", FELL_OUT))
                .when(new TrustPartnerLab(PARIS, LYON, "Fablab Lyon", FELL_OUT.plusSeconds(60)))
                .expectEvents(new PartnerLabTrusted(PARIS, LYON, "Fablab Lyon", FELL_OUT.plusSeconds(60)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "badges.fablab-lyon.example",
            "ftp://badges.fablab-lyon.example"})
    void cannotTrustPartnerNamedOtherwiseThanByHttpUrl(String issuerId) {
        fixture.given(PARIS_REGISTERED)
                .when(new TrustPartnerLab(PARIS, issuerId, "Fablab Lyon", AGREED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("partnerIssuerId must be an absolute http(s) URL, but was '" + issuerId + "'");
    }

    @Test
    void cannotTrustPartnerWithoutName() {
        fixture.given(PARIS_REGISTERED)
                .when(new TrustPartnerLab(PARIS, LYON, " ", AGREED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("partnerName must not be blank");
    }

    @Test
    void cannotTrustPartnerWithoutTime() {
        fixture.given(PARIS_REGISTERED)
                .when(new TrustPartnerLab(PARIS, LYON, "Fablab Lyon", null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("since is required");
    }

    // WithdrawPartnerTrust

    @Test
    void canWithdrawPartnerTrust() {
        fixture.given(PARIS_REGISTERED, new PartnerLabTrusted(PARIS, LYON, "Fablab Lyon", AGREED))
                .when(new WithdrawPartnerTrust(PARIS, LYON, "audit pending", FELL_OUT))
                .expectEvents(new PartnerTrustWithdrawn(PARIS, LYON, "audit pending", FELL_OUT));
    }

    @Test
    void cannotWithdrawTrustOfUnknownPartner() {
        fixture.given(PARIS_REGISTERED)
                .when(new WithdrawPartnerTrust(PARIS, LYON, "audit pending", FELL_OUT))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("partner-not-trusted"))
                .expectExceptionMessage("lab fablab-paris does not trust partner " + LYON);
    }

    @Test
    void cannotWithdrawTrustTwice() {
        fixture.given(PARIS_REGISTERED, new PartnerLabTrusted(PARIS, LYON, "Fablab Lyon", AGREED),
                        new PartnerTrustWithdrawn(PARIS, LYON, "audit pending", FELL_OUT))
                .when(new WithdrawPartnerTrust(PARIS, LYON, "still pending", FELL_OUT.plusSeconds(60)))
                .expectException(refusedWithCode("partner-not-trusted"))
                .expectExceptionMessage("lab fablab-paris does not trust partner " + LYON);
    }

    @Test
    void cannotWithdrawTrustBeforePartnerWasTrusted() {
        fixture.given(PARIS_REGISTERED, new PartnerLabTrusted(PARIS, LYON, "Fablab Lyon", FELL_OUT))
                .when(new WithdrawPartnerTrust(PARIS, LYON, "audit pending", AGREED))
                .expectException(refusedWithCode("out-of-sequence"))
                .expectExceptionMessage("withdrawing the trust of lab fablab-paris in partner " + LYON
                        + " at 2026-04-01T00:00:00Z is before it was trusted at 2026-09-01T00:00:00Z");
    }

    @Test
    void cannotWithdrawPartnerTrustWithoutReason() {
        fixture.given(PARIS_REGISTERED, new PartnerLabTrusted(PARIS, LYON, "Fablab Lyon", AGREED))
                .when(new WithdrawPartnerTrust(PARIS, LYON, "", FELL_OUT))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason must not be blank");
    }

    // RecognisePartnerAchievement

    private static final String LYON_LASER = "https://badges.fablab-lyon.example/achievements/laser-basics";
    private static final CertificationScope LASERS = new CertificationScope.MachineFamily(MachineType.LASER_CUTTER);
    private static final PartnerLabTrusted LYON_TRUSTED = new PartnerLabTrusted(PARIS, LYON, "Fablab Lyon", AGREED);
    private static final Instant RECOGNISED = AGREED.plusSeconds(3600);

    @Test
    void canRecognisePartnerAchievementAsCertificationOnMachineType() {
        fixture.given(PARIS_REGISTERED, LYON_TRUSTED)
                .when(new RecognisePartnerAchievement(PARIS, LYON, LYON_LASER, LASERS, CertificationLevel.AUTONOMOUS,
                                                      RECOGNISED))
                .expectEvents(new PartnerAchievementRecognised(PARIS, LYON, LYON_LASER, LASERS,
                                                               CertificationLevel.AUTONOMOUS, RECOGNISED));
    }

    @Test
    void canRecognisePartnerAchievementOnOneMachine() {
        CertificationScope laser1 = new CertificationScope.OneMachine(LASER_1);
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED, LYON_TRUSTED)
                .when(new RecognisePartnerAchievement(PARIS, LYON, LYON_LASER, laser1, CertificationLevel.SUPERVISED,
                                                      RECOGNISED))
                .expectEvents(new PartnerAchievementRecognised(PARIS, LYON, LYON_LASER, laser1,
                                                               CertificationLevel.SUPERVISED, RECOGNISED));
    }

    @Test
    void cannotRecogniseAchievementOfUntrustedPartner() {
        fixture.given(PARIS_REGISTERED)
                .when(new RecognisePartnerAchievement(PARIS, LYON, LYON_LASER, LASERS, CertificationLevel.AUTONOMOUS,
                                                      RECOGNISED))
                .expectException(refusedWithCode("partner-not-trusted"))
                .expectExceptionMessage("lab fablab-paris does not trust partner " + LYON);
    }

    @Test
    void cannotRecognisePartnerAchievementAsTrainerLevel() {
        fixture.given(PARIS_REGISTERED, LYON_TRUSTED)
                .when(new RecognisePartnerAchievement(PARIS, LYON, LYON_LASER, LASERS, CertificationLevel.TRAINER,
                                                      RECOGNISED))
                .expectException(refusedWithCode("partner-achievement-level-too-high"));
    }

    @Test
    void cannotRecognisePartnerAchievementOnUnknownMachine() {
        fixture.given(PARIS_REGISTERED, LYON_TRUSTED)
                .when(new RecognisePartnerAchievement(PARIS, LYON, LYON_LASER, new CertificationScope.OneMachine(LASER_1),
                                                      CertificationLevel.AUTONOMOUS, RECOGNISED))
                .expectException(UnknownReference.class);
    }

    @Test
    void cannotRecognisePartnerAchievementTwice() {
        fixture.given(PARIS_REGISTERED, LYON_TRUSTED, new PartnerAchievementRecognised(PARIS, LYON, LYON_LASER, LASERS,
                                                               CertificationLevel.AUTONOMOUS, RECOGNISED))
                .when(new RecognisePartnerAchievement(PARIS, LYON, LYON_LASER, LASERS, CertificationLevel.SUPERVISED,
                                                      FELL_OUT))
                .expectException(refusedWithCode("partner-achievement-already-recognised"))
                .expectExceptionMessage("lab fablab-paris has recognised achievement " + LYON_LASER + " of partner "
                        + LYON + " since " + RECOGNISED);
    }

    @Test
    void cannotRecogniseBeforePartnerWasTrusted() {
        fixture.given(PARIS_REGISTERED, LYON_TRUSTED)
                .when(new RecognisePartnerAchievement(PARIS, LYON, LYON_LASER, LASERS, CertificationLevel.AUTONOMOUS,
                                                      AGREED.minusSeconds(1)))
                .expectException(refusedWithCode("out-of-sequence"));
    }

    @Test
    void withdrawingPartnerTrustEndsItsRecognitions() {
        fixture.given(PARIS_REGISTERED, LYON_TRUSTED,
                        new PartnerAchievementRecognised(PARIS, LYON, LYON_LASER, LASERS, CertificationLevel.AUTONOMOUS,
                                                         RECOGNISED),
                        new PartnerTrustWithdrawn(PARIS, LYON, "audit pending", FELL_OUT))
                .when(new WithdrawPartnerAchievementRecognition(PARIS, LYON, LYON_LASER, "no longer equivalent",
                                                                FELL_OUT.plusSeconds(60)))
                .expectException(refusedWithCode("partner-achievement-not-recognised"));
    }

    // WithdrawPartnerAchievementRecognition

    @Test
    void canWithdrawRecognitionOfPartnerAchievement() {
        fixture.given(PARIS_REGISTERED, LYON_TRUSTED, new PartnerAchievementRecognised(PARIS, LYON, LYON_LASER, LASERS,
                                                               CertificationLevel.AUTONOMOUS, RECOGNISED))
                .when(new WithdrawPartnerAchievementRecognition(PARIS, LYON, LYON_LASER, "syllabus changed", FELL_OUT))
                .expectEvents(new PartnerAchievementRecognitionWithdrawn(PARIS, LYON, LYON_LASER, "syllabus changed",
                                                                         FELL_OUT));
    }

    @Test
    void canRecognisePartnerAchievementAgainAfterWithdrawal() {
        fixture.given(PARIS_REGISTERED, LYON_TRUSTED,
                        new PartnerAchievementRecognised(PARIS, LYON, LYON_LASER, LASERS, CertificationLevel.AUTONOMOUS,
                                                         RECOGNISED),
                        new PartnerAchievementRecognitionWithdrawn(PARIS, LYON, LYON_LASER, "syllabus changed", FELL_OUT))
                .when(new RecognisePartnerAchievement(PARIS, LYON, LYON_LASER, LASERS, CertificationLevel.SUPERVISED,
                                                      FELL_OUT))
                .expectEvents(new PartnerAchievementRecognised(PARIS, LYON, LYON_LASER, LASERS,
                                                               CertificationLevel.SUPERVISED, FELL_OUT));
    }

    @Test
    void cannotWithdrawRecognitionWithoutReason() {
        fixture.given(PARIS_REGISTERED, LYON_TRUSTED, new PartnerAchievementRecognised(PARIS, LYON, LYON_LASER, LASERS,
                                                               CertificationLevel.AUTONOMOUS, RECOGNISED))
                .when(new WithdrawPartnerAchievementRecognition(PARIS, LYON, LYON_LASER, " ", FELL_OUT))
                .expectException(IllegalArgumentException.class);
    }

    // SetOpeningHours

    private static final OpeningHours WEEKDAYS = new OpeningHours(ZoneId.of("Europe/Paris"), List.of(
            new OpeningHours.OpenPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 0),
                                        LocalTime.of(18, 0))));

    @Test
    void canSetTheLabsOpeningHours() {
        fixture.given(PARIS_REGISTERED)
                .when(new SetOpeningHours(PARIS, null, WEEKDAYS))
                .expectEvents(new OpeningHoursSet(PARIS, null, WEEKDAYS));
    }

    @Test
    void canSetAMachinesOpeningHours() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED)
                .when(new SetOpeningHours(PARIS, LASER_1, WEEKDAYS))
                .expectEvents(new OpeningHoursSet(PARIS, LASER_1, WEEKDAYS));
    }

    @Test
    void cannotSetTheHoursOfAnUnknownMachine() {
        fixture.given(PARIS_REGISTERED)
                .when(new SetOpeningHours(PARIS, LASER_1, WEEKDAYS))
                .expectException(UnknownReference.class);
    }

    @Test
    void settingTheHoursInForceRecordsNothing() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED, new OpeningHoursSet(PARIS, LASER_1, WEEKDAYS))
                .when(new SetOpeningHours(PARIS, LASER_1, WEEKDAYS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void canClearAMachinesHoursSoItFollowsTheLab() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED, new OpeningHoursSet(PARIS, LASER_1, WEEKDAYS))
                .when(new SetOpeningHours(PARIS, LASER_1, null))
                .expectEvents(new OpeningHoursSet(PARIS, LASER_1, null));
    }

    // ChangeMachineRequirement

    @Test
    void canRequireAutonomousLevelAndRecentUseOnAMachine() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED)
                .when(new ChangeMachineRequirement(PARIS, LASER_1, CertificationLevel.AUTONOMOUS, 6))
                .expectEvents(new MachineRequirementChanged(PARIS, LASER_1, CertificationLevel.AUTONOMOUS, 6));
    }

    @Test
    void cannotChangeTheRequirementOfAnUnknownMachine() {
        fixture.given(PARIS_REGISTERED)
                .when(new ChangeMachineRequirement(PARIS, LASER_1, CertificationLevel.AUTONOMOUS, null))
                .expectException(UnknownReference.class)
                .expectExceptionMessage("machine laser-1 is not registered in lab fablab-paris");
    }

    @Test
    void settingTheRequirementInForceRecordsNothing() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED,
                      new MachineRequirementChanged(PARIS, LASER_1, CertificationLevel.TRAINER, 12))
                .when(new ChangeMachineRequirement(PARIS, LASER_1, CertificationLevel.TRAINER, 12))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void requiringWhatAMachineAsksByDefaultRecordsNothing() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED)
                .when(new ChangeMachineRequirement(PARIS, LASER_1, CertificationLevel.SUPERVISED, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void canRelaxARequirementBackToTheDefault() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED,
                      new MachineRequirementChanged(PARIS, LASER_1, CertificationLevel.AUTONOMOUS, 6))
                .when(new ChangeMachineRequirement(PARIS, LASER_1, CertificationLevel.SUPERVISED, null))
                .expectEvents(new MachineRequirementChanged(PARIS, LASER_1, CertificationLevel.SUPERVISED, null));
    }

    @Test
    void cannotChangeARequirementWithoutMinimumLevel() {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED)
                .when(new ChangeMachineRequirement(PARIS, LASER_1, null, 6))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("minimumLevel is required");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 121})
    void cannotRequireUseWithinLessThanOneOrMoreThan120Months(int months) {
        fixture.given(PARIS_REGISTERED, LASER_1_REGISTERED)
                .when(new ChangeMachineRequirement(PARIS, LASER_1, CertificationLevel.AUTONOMOUS, months))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
