package org.makerspace.ledger.session;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * The {@code MachineSession} aggregate as the application wires it: the aggregate class stays package-private, so
 * that nothing outside this feature can reach into its state.
 */
public final class SessionWriteModel {

    private SessionWriteModel() {
    }

    /** Axon's configuration of the aggregate, for the application to add its snapshot trigger and cache to. */
    public static AggregateConfigurer<?> aggregate() {
        return AggregateConfigurer.defaultConfiguration(MachineSession.class);
    }

    /** What a snapshotter needs to rebuild the aggregate from its events. */
    public static AggregateFactory<?> factory(ParameterResolverFactory resolvers) {
        return new GenericAggregateFactory<>(
                AnnotatedAggregateMetaModelFactory.inspectAggregate(MachineSession.class, resolvers));
    }
}
