package org.makerspace.ledger.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.makerspace.ledger.common.Chronology;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.common.Require;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.session.api.EndMachineSession;
import org.makerspace.ledger.session.api.MachineSessionEnded;
import org.makerspace.ledger.session.api.MachineSessionKey;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.ledger.session.api.SessionEndReason;
import org.makerspace.ledger.session.api.SessionId;
import org.makerspace.ledger.session.api.StartMachineSession;

/**
 * One member's session on one machine. Controllers resend what they queued offline, so a report that repeats what
 * is recorded changes nothing; a report that contradicts it (another member, another end) is refused.
 */
class MachineSession {

    @AggregateIdentifier
    private MachineSessionKey key;
    private SessionId sessionId;
    private LabId labId;
    private MachineId machineId;
    private MemberId memberId;
    private Instant startedAt;
    private Instant endedAt;
    private SessionEndReason endReason;

    /** For Axon and for snapshots. */
    MachineSession() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartMachineSession command) {
        SessionId id = Require.present(command.sessionId(), "sessionId");
        LabId lab = Require.present(command.labId(), "labId");
        MachineId machine = Require.present(command.machineId(), "machineId");
        MemberId member = Require.present(command.memberId(), "memberId");
        Instant at = Require.present(command.startedAt(), "startedAt");
        if (startedAt != null) {
            if (lab.equals(labId) && machine.equals(machineId) && member.equals(memberId) && at.equals(startedAt)) {
                return; // the same report again, from a controller's queue
            }
            // says nothing of the session reported first: the caller may not be the controller that reported it
            throw new DomainRefusal("session-already-started", "session " + id + " of machine " + machine
                    + " was reported before with another member or start time");
        }
        apply(new MachineSessionStarted(id, lab, machine, member, at, command.decidedOffline()));
    }

    @CommandHandler
    void handle(EndMachineSession command) {
        Instant at = Require.present(command.endedAt(), "endedAt");
        SessionEndReason reason = Require.present(command.reason(), "reason");
        if (command.minutes() != null) {
            Require.between(command.minutes(), 0, 7 * 24 * 60, "minutes");
        }
        if (command.energyWh() != null && command.energyWh() < 0) {
            throw new IllegalArgumentException("energyWh must not be negative, but was " + command.energyWh());
        }
        if (endedAt != null) {
            if (at.equals(endedAt) && reason == endReason) {
                return;
            }
            throw new DomainRefusal("session-already-ended", "session " + sessionId + " on machine " + machineId
                    + " ended at " + endedAt + " (" + endReason.code() + ")");
        }
        Chronology.requireNotBefore(at, "ending session " + sessionId, startedAt, "it started");
        apply(new MachineSessionEnded(sessionId, labId, machineId, memberId, at, reason, command.minutes(),
                                      command.energyWh()));
    }

    @EventSourcingHandler
    private void on(MachineSessionStarted event) {
        key = new MachineSessionKey(event.labId(), event.machineId(), event.sessionId());
        sessionId = event.sessionId();
        labId = event.labId();
        machineId = event.machineId();
        memberId = event.memberId();
        startedAt = event.startedAt();
    }

    @EventSourcingHandler
    private void on(MachineSessionEnded event) {
        endedAt = event.endedAt();
        endReason = event.reason();
    }
}
