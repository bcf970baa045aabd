package org.makerspace.api.readmodel;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.makerspace.api.access.MachineProperties;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.access.AccessHistory;
import org.makerspace.projections.access.AccessProjection;
import org.makerspace.projections.award.AwardListener;
import org.makerspace.projections.award.AwardProjection;
import org.makerspace.projections.catalog.CatalogProjection;
import org.makerspace.projections.passport.PassportProjection;
import org.makerspace.projections.usage.UsageProjection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models, registered as beans so that Axon's Spring support subscribes their handlers to pooled streaming
 * processors named after their processing groups.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    PassportProjection passportProjection(LedgerStorage storage) {
        return new PassportProjection(storage);
    }

    @Bean
    AccessProjection accessProjection(LedgerStorage storage, MeterRegistry meterRegistry,
                                      MachineProperties machines) {
        return new AccessProjection(storage, meterRegistry, machines.supervisionWindow());
    }

    /** Machine access as of a past moment, folded from the ledger on demand, for audits. */
    @Bean
    AccessHistory accessHistory(EventStorageEngine events, MachineProperties machines) {
        return new AccessHistory(events, machines.supervisionWindow());
    }

    @Bean
    UsageProjection usageProjection(LedgerStorage storage) {
        return new UsageProjection(storage);
    }

    @Bean
    CatalogProjection catalogProjection(LedgerStorage storage) {
        return new CatalogProjection(storage);
    }

    /** Tells its awards to the listener the application has (the issuance of their credentials), if any. */
    @Bean
    AwardProjection awardProjection(LedgerStorage storage, ObjectProvider<AwardListener> listener) {
        return new AwardProjection(storage, listener.getIfAvailable(() -> AwardListener.NONE));
    }

    /**
     * Awards, machine access and the catalog depend on the order of events across aggregates (an achievement
     * defined before or after a member's training; a card moving from one member to another; an achievement's events
     * updating its lab's document), so each sees the stream in one sequence. The award group also runs the issuance
     * of credentials, which must see labs, awards and status changes in the order the awards were decided.
     */
    @Bean
    ConfigurerModule globallyOrderedReadModels() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(AwardProjection.PROCESSING_GROUP, c -> new SequentialPolicy())
                .registerSequencingPolicy(AccessProjection.PROCESSING_GROUP, c -> new SequentialPolicy())
                .registerSequencingPolicy(CatalogProjection.PROCESSING_GROUP, c -> new SequentialPolicy())
                // each session is an aggregate of its own, but a machine's month is one document its sessions share
                .registerSequencingPolicy(UsageProjection.PROCESSING_GROUP, c -> new SequentialPolicy());
    }
}
