package org.makerspace.ledger.member;

import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;
import static org.makerspace.ledger.member.MemberTestData.CAROL;
import static org.makerspace.ledger.member.MemberTestData.LYON;
import static org.makerspace.ledger.member.MemberTestData.MARIE;
import static org.makerspace.ledger.member.MemberTestData.MARIE_REGISTERED;
import static org.makerspace.ledger.member.MemberTestData.PARIS;
import static org.makerspace.ledger.member.MemberTestData.memberFixture;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.common.OutsideMembership;
import org.makerspace.ledger.common.UnknownReference;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ContributionId;
import org.makerspace.ledger.member.api.ContributionRole;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.GrantMachineCertification;
import org.makerspace.ledger.member.api.JoinLab;
import org.makerspace.ledger.member.api.JoinedBy;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MemberJoinedLab;
import org.makerspace.ledger.member.api.RecordTrainingCompletion;
import org.makerspace.ledger.member.api.RecordWorkshopContribution;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.TrainingId;

/** A lab records facts only about its own members: the lab that registered them, or one they joined. */
class MemberLabsTest {

    private static final Instant JOINED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-05T15:00:00Z");
    private static final MemberJoinedLab MARIE_JOINED_LYON = new MemberJoinedLab(MARIE, LYON, JoinedBy.MEMBER, JOINED);

    private final FixtureConfiguration<Member> fixture = memberFixture();

    private static RecordTrainingCompletion lyonTraining() {
        return new RecordTrainingCompletion(MARIE, TrainingId.of("t-lyon"), LYON, "LASER-101", BigDecimal.ONE, CAROL,
                                            LATER);
    }

    private static GrantMachineCertification lyonCertification() {
        return new GrantMachineCertification(MARIE, CertificationId.of("c-lyon"), LYON,
                                             new CertificationScope.MachineFamily(MachineType.LASER_CUTTER),
                                             CertificationLevel.AUTONOMOUS, new ExpiryRule.Never(), CAROL, LATER);
    }

    @Test
    void anotherLabCannotRecordATrainingOfAMemberWhoDidNotJoinIt() {
        fixture.given(MARIE_REGISTERED)
                .when(lyonTraining())
                .expectException(OutsideMembership.class)
                .expectException(refusedWithCode("not-a-member-of-lab"))
                .expectNoEvents();
    }

    @Test
    void anotherLabCannotCertifyAMemberWhoDidNotJoinIt() {
        fixture.given(MARIE_REGISTERED)
                .when(lyonCertification())
                .expectException(OutsideMembership.class)
                .expectNoEvents();
    }

    @Test
    void anotherLabCannotRecordAContributionOfAMemberWhoDidNotJoinIt() {
        fixture.given(MARIE_REGISTERED)
                .when(new RecordWorkshopContribution(MARIE, ContributionId.of("w-lyon"), LYON, "Repair café",
                                                     ContributionRole.HELPER, BigDecimal.ONE, LATER))
                .expectException(OutsideMembership.class)
                .expectNoEvents();
    }

    @Test
    void aMemberJoinsAnotherLabOfTheNetwork() {
        fixture.given(MARIE_REGISTERED)
                .when(new JoinLab(MARIE, LYON, JoinedBy.MEMBER, JOINED))
                .expectEvents(MARIE_JOINED_LYON);
    }

    @Test
    void oncePartOfTheLabItsStaffRecordsWhatTheMemberDoesThere() {
        fixture.given(MARIE_REGISTERED, MARIE_JOINED_LYON)
                .when(lyonTraining())
                .expectEvents(new TrainingCompleted(MARIE, TrainingId.of("t-lyon"), LYON, "LASER-101", BigDecimal.ONE,
                                                    CAROL, LATER));
        fixture.given(MARIE_REGISTERED, MARIE_JOINED_LYON)
                .when(lyonCertification())
                .expectEvents(new MachineCertificationGranted(MARIE, CertificationId.of("c-lyon"), LYON,
                                                              new CertificationScope.MachineFamily(MachineType.LASER_CUTTER),
                                                              CertificationLevel.AUTONOMOUS, new ExpiryRule.Never(), CAROL,
                                                              LATER));
    }

    @Test
    void joiningALabTheMemberBelongsToRecordsNothing() {
        fixture.given(MARIE_REGISTERED, MARIE_JOINED_LYON)
                .when(new JoinLab(MARIE, LYON, JoinedBy.LAB_ADMIN, LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(MARIE_REGISTERED)
                .when(new JoinLab(MARIE, PARIS, JoinedBy.MEMBER, LATER))
                .expectNoEvents();
    }

    @Test
    void cannotJoinALabThatDoesNotExist() {
        fixture.given(MARIE_REGISTERED)
                .when(new JoinLab(MARIE, LabId.of("fablab-nowhere"), JoinedBy.MEMBER, JOINED))
                .expectException(UnknownReference.class)
                .expectNoEvents();
    }
}
