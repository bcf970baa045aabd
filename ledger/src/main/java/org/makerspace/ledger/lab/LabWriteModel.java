package org.makerspace.ledger.lab;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * The {@code Lab} aggregate as the application wires it: the aggregate class stays package-private, so that nothing
 * outside this feature can reach into its state.
 */
public final class LabWriteModel {

    private LabWriteModel() {
    }

    /** Axon's configuration of the aggregate, for the application to add its snapshot trigger and cache to. */
    public static AggregateConfigurer<?> aggregate() {
        return AggregateConfigurer.defaultConfiguration(Lab.class);
    }

    /**
     * What a snapshotter needs to rebuild the aggregate from its events; the resolvers supply what command handlers
     * take besides the command (such as the lab's rules).
     */
    public static AggregateFactory<?> factory(ParameterResolverFactory resolvers) {
        return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(Lab.class, resolvers));
    }
}
