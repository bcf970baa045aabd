package org.makerspace.ledger.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.lab.api.TrainerQualified;
import org.makerspace.ledger.lab.api.TrainerRegistered;
import org.makerspace.ledger.member.api.CertificationScope;

/** The real rules: the lab aggregate loaded from Axon's in-memory event store, each check in its own unit of work. */
class EventSourcedLabRulesTest extends LabRulesContract {

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();

    @AfterEach
    void shutDownEventStore() {
        eventStore.shutDown();
    }

    @Override
    LabRules rulesOver(Object... labEvents) {
        EventSourcedLabs.append(eventStore, labEvents);
        LabIssuerIds unused = lab -> "https://badges.example/ob3/issuers/" + lab;
        return new InUnitsOfWork(new EventSourcedLabRules(EventSourcingRepository.builder(Lab.class).eventStore(eventStore)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(Lab.class),
                        new SimpleResourceParameterResolverFactory(List.of(unused))))
                .build()));
    }

    @Test
    void rulesReadingFromTheEventStoreDecideAlike() {
        EventSourcedLabs.append(eventStore, new LabRegistered(PARIS, "Fablab Paris", "https://fablab.paris", null),
                new TrainerRegistered(PARIS, ALICE), new TrainerQualified(PARIS, ALICE, MachineType.LASER_CUTTER));
        LabRules rules = new InUnitsOfWork(EventSourcedLabRules.readingFrom(eventStore));

        assertThat(rules.requireMayCertify(PARIS, ALICE, new CertificationScope.MachineFamily(MachineType.LASER_CUTTER)))
                .isEqualTo(new MachineFacts(MachineType.LASER_CUTTER));
        assertThatThrownBy(() -> rules.requireTrainer(PARIS, BOB)).hasMessage("trainer bob is not registered in lab fablab-paris");
    }

    @Test
    void leavesNoUnitOfWorkBehindWhenRefusing() {
        LabRules rules = rulesOver();

        assertThatThrownBy(() -> rules.requireLab(PARIS)).hasMessage("lab fablab-paris is not registered");
        assertThat(CurrentUnitOfWork.isStarted()).isFalse();
    }

    /** Runs every check as a command handler would: inside a unit of work, rolled back when it refuses. */
    private record InUnitsOfWork(LabRules rules) implements LabRules {

        @Override
        public void requireLab(LabId lab) {
            inUnitOfWork(() -> {
                rules.requireLab(lab);
                return null;
            });
        }

        @Override
        public void requireTrainer(LabId lab, TrainerId trainer) {
            inUnitOfWork(() -> {
                rules.requireTrainer(lab, trainer);
                return null;
            });
        }

        @Override
        public MachineFacts requireMayCertify(LabId lab, TrainerId trainer, CertificationScope scope) {
            return inUnitOfWork(() -> rules.requireMayCertify(lab, trainer, scope));
        }

        private static <R> R inUnitOfWork(Supplier<R> check) {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                R result = check.get();
                unitOfWork.commit();
                return result;
            } catch (RuntimeException e) {
                unitOfWork.rollback(e);
                throw e;
            }
        }
    }
}
