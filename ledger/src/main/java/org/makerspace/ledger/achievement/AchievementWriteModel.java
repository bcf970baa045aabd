package org.makerspace.ledger.achievement;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * The {@code Achievement} aggregate as the application wires it: the aggregate class stays package-private, so that nothing
 * outside this feature can reach into its state.
 */
public final class AchievementWriteModel {

    private AchievementWriteModel() {
    }

    /** Axon's configuration of the aggregate, for the application to add its snapshot trigger and cache to. */
    public static AggregateConfigurer<?> aggregate() {
        return AggregateConfigurer.defaultConfiguration(Achievement.class);
    }

    /**
     * What a snapshotter needs to rebuild the aggregate from its events; the resolvers supply what command handlers
     * take besides the command (such as the lab's rules).
     */
    public static AggregateFactory<?> factory(ParameterResolverFactory resolvers) {
        return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(Achievement.class, resolvers));
    }
}
