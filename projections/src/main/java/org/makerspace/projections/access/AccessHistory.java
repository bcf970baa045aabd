package org.makerspace.projections.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.member.api.MemberId;

/**
 * Machine access at a past moment, for audits, folded from the ledger into a fresh {@link AccessModel}, never
 * today's state: who could use a machine then by what had happened by then (every fact whose business time is at or
 * before it, whenever it was recorded: a lab adopting the ledger records its machines and its history with their
 * dates), and what a machine would have answered then by what the ledger knew then (the events recorded up to
 * then), to explain a logged decision. Each question reads the global stream from its start, so it costs
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

    /**
     * A fresh model holding every fact that had happened by {@code at} by its business time ({@link BusinessTime}),
     * applied in that order (the ledger's order among facts of one moment).
     */
    public AccessModel happenedBy(Instant at) {
        List<Timed> facts = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> recorded = stream.iterator();
            while (recorded.hasNext()) {
                TrackedEventMessage<?> event = recorded.next();
                Instant happened = BusinessTime.of(event.getPayload(), event.getTimestamp());
                if (!happened.isAfter(at)) {
                    facts.add(new Timed(happened, facts.size(), event.getPayload()));
                }
            }
        }
        facts.sort(Comparator.comparing(Timed::happened).thenComparingInt(Timed::order));
        AccessModel model = new AccessModel(supervisionWindow);
        facts.forEach(fact -> model.apply(fact.payload()));
        return model;
    }

    private record Timed(Instant happened, int order, Object payload) {
    }

    /**
     * Who could use the machine at {@code at}, by what had happened by then; null if it was not in service yet (nor
     * registered with a date before then).
     */
    public MachineAccessList accessList(MachineId machineId, Instant at) {
        return happenedBy(at).accessList(machineId, at);
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
