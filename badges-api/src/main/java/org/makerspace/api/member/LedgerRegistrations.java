package org.makerspace.api.member;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.MemberRegistered;
import org.springframework.stereotype.Component;

/**
 * Which lab the ledger registered a member at, read from the member's first event: for a registration sent again
 * after a crash, which reached the ledger but not the directory, to be finished rather than refused.
 */
@Component
public class LedgerRegistrations {

    private final EventStore eventStore;

    LedgerRegistrations(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<LabId> labOf(MemberId member) {
        DomainEventStream events = eventStore.readEvents(member.value(), 0);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.next();
        return first.getPayload() instanceof MemberRegistered registered ? Optional.of(registered.labId())
                                                                           : Optional.empty();
    }
}
