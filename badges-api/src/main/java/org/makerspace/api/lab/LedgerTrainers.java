package org.makerspace.api.lab;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.makerspace.api.security.TrainerRoster;
import org.makerspace.ledger.lab.api.TrainerRegistered;
import org.springframework.stereotype.Component;

/**
 * The trainers a lab registered, read from the lab's own events: never behind the ledger, so that an account can be
 * bound to a trainer the moment the lab registered them. Accounts are created rarely; reading a lab's history then is
 * cheap enough.
 */
@Component
class LedgerTrainers implements TrainerRoster {

    private final EventStore eventStore;

    LedgerTrainers(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean isTrainerOf(String labId, String trainerId) {
        DomainEventStream events = eventStore.readEvents(labId, 0);
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof TrainerRegistered registered
                && registered.labId().value().equals(labId) && registered.trainerId().value().equals(trainerId)) {
                return true;
            }
        }
        return false;
    }
}
