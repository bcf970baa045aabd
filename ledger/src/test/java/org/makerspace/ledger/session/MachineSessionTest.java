package org.makerspace.ledger.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.session.api.EndMachineSession;
import org.makerspace.ledger.session.api.MachineSessionEnded;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.ledger.session.api.SessionEndReason;
import org.makerspace.ledger.session.api.SessionId;
import org.makerspace.ledger.session.api.StartMachineSession;

class MachineSessionTest {

    private static final SessionId SESSION = SessionId.of("session-1");
    private static final LabId LAB = LabId.of("fablab-paris");
    private static final MachineId LASER = MachineId.of("laser-1");
    private static final MemberId ADA = MemberId.of("member-ada");
    private static final Instant STARTED = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant ENDED = Instant.parse("2026-03-02T10:42:00Z");
    private static final MachineSessionStarted ADA_STARTED =
            new MachineSessionStarted(SESSION, LAB, LASER, ADA, STARTED, false);

    private FixtureConfiguration<MachineSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MachineSession.class);
    }

    @Test
    void canStartSession() {
        fixture.givenNoPriorActivity()
                .when(new StartMachineSession(SESSION, LAB, LASER, ADA, STARTED, false))
                .expectEvents(ADA_STARTED);
    }

    @Test
    void canStartSessionDecidedOffline() {
        fixture.givenNoPriorActivity()
                .when(new StartMachineSession(SESSION, LAB, LASER, ADA, STARTED, true))
                .expectEvents(new MachineSessionStarted(SESSION, LAB, LASER, ADA, STARTED, true));
    }

    @Test
    void theSameStartReportedAgainRecordsNothing() {
        fixture.given(ADA_STARTED)
                .when(new StartMachineSession(SESSION, LAB, LASER, ADA, STARTED, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotStartASessionAgainForAnotherMember() {
        fixture.given(ADA_STARTED)
                .when(new StartMachineSession(SESSION, LAB, LASER, MemberId.of("member-ben"), STARTED, false))
                .expectException(refusedWithCode("session-already-started"))
                .expectExceptionMessage("session session-1 of machine laser-1 was reported before with another "
                                        + "member or start time");
    }

    @Test
    void canEndSessionWithUsage() {
        fixture.given(ADA_STARTED)
                .when(new EndMachineSession(SESSION, LAB, LASER, ENDED, SessionEndReason.FINISHED, 42, 350L))
                .expectEvents(new MachineSessionEnded(SESSION, LAB, LASER, ADA, ENDED, SessionEndReason.FINISHED, 42,
                                                      350L));
    }

    @Test
    void canEndSessionWithoutUsage() {
        fixture.given(ADA_STARTED)
                .when(new EndMachineSession(SESSION, LAB, LASER, ENDED, SessionEndReason.PERMISSION_REVOKED, null, null))
                .expectEvents(new MachineSessionEnded(SESSION, LAB, LASER, ADA, ENDED,
                                                      SessionEndReason.PERMISSION_REVOKED, null, null));
    }

    @Test
    void theSameEndReportedAgainRecordsNothing() {
        fixture.given(ADA_STARTED, new MachineSessionEnded(SESSION, LAB, LASER, ADA, ENDED, SessionEndReason.FINISHED,
                                                           42, null))
                .when(new EndMachineSession(SESSION, LAB, LASER, ENDED, SessionEndReason.FINISHED, 42, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotEndASessionTwiceDifferently() {
        fixture.given(ADA_STARTED, new MachineSessionEnded(SESSION, LAB, LASER, ADA, ENDED, SessionEndReason.FINISHED,
                                                           42, null))
                .when(new EndMachineSession(SESSION, LAB, LASER, ENDED.plusSeconds(60), SessionEndReason.FAULT, null, null))
                .expectException(refusedWithCode("session-already-ended"));
    }

    @Test
    void cannotEndASessionBeforeItStarted() {
        fixture.given(ADA_STARTED)
                .when(new EndMachineSession(SESSION, LAB, LASER, STARTED.minusSeconds(1), SessionEndReason.FINISHED, null, null))
                .expectException(refusedWithCode("out-of-sequence"));
    }

    @Test
    void cannotReportNegativeEnergy() {
        fixture.given(ADA_STARTED)
                .when(new EndMachineSession(SESSION, LAB, LASER, ENDED, SessionEndReason.FINISHED, 42, -1L))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void sessionEndReasonsReadTheirCodes() {
        assertThat(SessionEndReason.ofCode("permission_revoked"))
                .isEqualTo(SessionEndReason.PERMISSION_REVOKED);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SessionEndReason.ofCode("PERMISSION_REVOKED"));
    }
}
