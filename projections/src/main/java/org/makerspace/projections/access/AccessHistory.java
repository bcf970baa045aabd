package org.makerspace.projections.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.member.api.MemberId;

/**
 * Machine access as the ledger knew it at a past moment, for audits: the events recorded up to then folded into a
 * fresh {@link AccessModel}, never today's state. Each question reads the global stream from its start, so it costs
 * O(events recorded up to the moment) (deserialising every one of them) and nothing is kept between questions. That is
 * fine for a person asking why, and wrong for a controller: controllers are answered from the live model.
 *
 * <p>"Recorded" is the event's timestamp, taken when the command applied it. Commits reach their global position in
 * the order they are written, which can differ from the order of their timestamps by the time a command takes; so the
 * fold skips events recorded after the moment and stops only at the first one recorded more than
 * {@link #RECORDING_SKEW} after it.
 *
 * <p>What the ledger knew is not all that happened: a session an offline controller reports later counts from its
 * report on, and a trainer's tap (supervision) is no ledger fact, so a SUPERVISED member recomputed here is refused
 * {@code supervision_required} where the live model may have let them in.
 */
public final class AccessHistory {

    /** Longer than any command takes between applying its events and writing them. */
    static final Duration RECORDING_SKEW = Duration.ofSeconds(5);

    private final EventStorageEngine events;
    private final Duration supervisionWindow;

    public AccessHistory(EventStorageEngine events, Duration supervisionWindow) {
        this.events = Objects.requireNonNull(events, "events");
        this.supervisionWindow = Objects.requireNonNull(supervisionWindow, "supervisionWindow");
    }

    /** A fresh model holding the events recorded up to {@code at}, in the ledger's order. */
    public AccessModel asOf(Instant at) {
        AccessModel model = new AccessModel(supervisionWindow);
        Instant stopAfter = at.plus(RECORDING_SKEW);
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> recorded = stream.iterator();
            while (recorded.hasNext()) {
                TrackedEventMessage<?> event = recorded.next();
                if (event.getTimestamp().isAfter(stopAfter)) {
                    break;
                }
                if (!event.getTimestamp().isAfter(at)) {
                    model.apply(event.getPayload());
                }
            }
        }
        return model;
    }

    /** Who could use the machine at {@code at}, by the ledger as it was then; null if it was not registered yet. */
    public MachineAccessList accessList(MachineId machineId, Instant at) {
        return asOf(at).accessList(machineId, at);
    }

    /**
     * What the machine would have answered the member at {@code at}, by the ledger as it was then (without a session
     * id: nothing was granted).
     */
    public AccessDecision decision(MachineId machineId, MemberId memberId, Instant at) {
        AccessDecision decided = asOf(at).decide(machineId, AccessSubject.member(memberId), at);
        return new AccessDecision(decided.granted(), decided.reason(), null, decided.memberId(),
                                  decided.certificationId(), decided.partnerCredentialId(), decided.level(),
                                  decided.maxSessionMinutes(), decided.validUntil());
    }
}
