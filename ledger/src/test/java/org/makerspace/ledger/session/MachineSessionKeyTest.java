package org.makerspace.ledger.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.session.api.EndMachineSession;
import org.makerspace.ledger.session.api.MachineSessionKey;
import org.makerspace.ledger.session.api.SessionEndReason;
import org.makerspace.ledger.session.api.SessionId;
import org.makerspace.ledger.session.api.StartMachineSession;

class MachineSessionKeyTest {

    private static final SessionId SESSION = SessionId.of("member-ada");

    @Test
    void oneIdOnTwoMachinesNamesTwoStreamsApartFromOtherAggregates() {
        MachineSessionKey laser = new StartMachineSession(SESSION, LabId.of("lab-a"), MachineId.of("laser-1"), null,
                                                          null, false).key();
        MachineSessionKey printer = new StartMachineSession(SESSION, LabId.of("lab-b"), MachineId.of("laser-1"),
                                                            null, null, false).key();

        assertThat(laser.toString()).isEqualTo("session:lab-a/laser-1/member-ada").isNotEqualTo(printer.toString());
        assertThat(new EndMachineSession(SESSION, LabId.of("lab-a"), MachineId.of("laser-1"), null,
                                         SessionEndReason.FINISHED, null, null).key()).isEqualTo(laser);
    }
}
