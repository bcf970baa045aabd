package org.makerspace.ledger.lab;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.makerspace.ledger.lab.api.LabId;

/** Real, event-sourced lab rules over an event store, for tests outside the lab package. */
public final class EventSourcedLabs {

    private EventSourcedLabs() {
    }

    /** Appends the lab events to the store, each to its lab's stream, and returns the rules reading them. */
    public static LabRules rulesOver(EventStore eventStore, Object... labEvents) {
        append(eventStore, labEvents);
        return EventSourcedLabRules.readingFrom(eventStore);
    }

    /** Appends the lab events to the store, each to its lab's stream. */
    static void append(EventStore eventStore, Object... labEvents) {
        Map<LabId, Long> nextSequence = new HashMap<>();
        for (Object event : labEvents) {
            LabId lab = labOf(event);
            long sequence = nextSequence.merge(lab, 1L, Long::sum) - 1;
            eventStore.publish(new GenericDomainEventMessage<>("Lab", lab.toString(), sequence, event));
        }
    }

    private static LabId labOf(Object labEvent) {
        try {
            return (LabId) labEvent.getClass().getMethod("labId").invoke(labEvent);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("not a lab event: " + labEvent, e);
        }
    }
}
