package org.makerspace.ledger.lab;

import java.util.List;
import java.util.Objects;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.member.api.CertificationScope;

/**
 * {@link LabRules} decided by the lab aggregate itself, loaded from its events through Axon's repository, so a rule
 * holds exactly when the lab would decide so. Must be called inside a unit of work, as command handlers are.
 */
public final class EventSourcedLabRules implements LabRules {

    /** Stands in for the issuer ids, which only the lab's command handlers use. */
    private static final LabIssuerIds NO_COMMANDS = lab -> {
        throw new IllegalStateException("the lab rules' repository handles no commands");
    };

    private final Repository<Lab> labs;

    /** Rules read through the given lab repository, for wiring inside this package. */
    public EventSourcedLabRules(Repository<Lab> labs) {
        this.labs = Objects.requireNonNull(labs, "labs");
    }

    /**
     * Rules read through a repository of their own over the event store, for wiring from any package. It takes no
     * lock: a check in another aggregate's command can never be atomic with the lab's own commands anyway, so
     * holding the lab's lock until that command commits would only make commands wait on each other. It handles no
     * command either, so the resources only command handlers use are stood in for by ones that refuse to be used.
     */
    public static EventSourcedLabRules readingFrom(EventStore eventStore) {
        return new EventSourcedLabRules(EventSourcingRepository.builder(Lab.class)
                .eventStore(Objects.requireNonNull(eventStore, "eventStore"))
                .lockFactory(NullLockFactory.INSTANCE)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(Lab.class),
                        new SimpleResourceParameterResolverFactory(List.of(NO_COMMANDS))))
                .build());
    }

    @Override
    public void requireLab(LabId lab) {
        load(lab);
    }

    @Override
    public void requireTrainer(LabId lab, TrainerId trainer) {
        Objects.requireNonNull(trainer, "trainer");
        load(lab).execute(it -> it.requireTrainer(trainer));
    }

    @Override
    public MachineFacts requireMayCertify(LabId lab, TrainerId trainer, CertificationScope scope) {
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(scope, "scope");
        return load(lab).invoke(it -> it.requireMayCertify(trainer, scope));
    }

    private Aggregate<Lab> load(LabId lab) {
        Objects.requireNonNull(lab, "lab");
        try {
            return labs.load(lab.toString());
        } catch (AggregateNotFoundException e) {
            throw LabRefusals.unknownLab(lab);
        }
    }
}
