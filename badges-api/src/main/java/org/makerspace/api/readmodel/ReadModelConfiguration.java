package org.makerspace.api.readmodel;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.makerspace.api.access.MachineProperties;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.access.AccessHistory;
import org.makerspace.projections.access.AccessProjection;
import org.makerspace.projections.award.AwardDecisions;
import org.makerspace.projections.award.AwardProjection;
import org.makerspace.projections.catalog.CatalogProjection;
import org.makerspace.projections.issuance.IssuanceProjection;
import org.makerspace.projections.passport.PassportProjection;
import org.makerspace.projections.support.OneSequence;
import org.makerspace.projections.usage.UsageProjection;
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

    /**
     * Tells machine access, before each event, whether it is replayed (a rebuild): replayed events build a model aside
     * while machines keep the live answers (see {@link AccessProjection#replaying}).
     */
    @Bean
    ConfigurerModule accessReplayAwareness(AccessProjection access) {
        return configurer -> configurer.eventProcessing().registerHandlerInterceptor(
                AccessProjection.PROCESSING_GROUP, c -> (unitOfWork, chain) -> {
                    access.replaying(ReplayToken.isReplay(unitOfWork.getMessage()));
                    return chain.proceed();
                });
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

    @Bean
    AwardProjection awardProjection(LedgerStorage storage) {
        return new AwardProjection(storage);
    }

    /**
     * Award decisions, issuance, the passport, machine access and the catalog depend on the order of events across
     * aggregates (an achievement defined before or after a member's training; a session and the certification it is a
     * use of; a card moving from one member to another; an achievement's events updating its lab's document), so each
     * sees the stream in one sequence. Issuance must also see labs, achievement versions, certifications and awards in
     * the order the ledger recorded them, so that status indexes follow award order.
     */
    @Bean
    ConfigurerModule globallyOrderedReadModels() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(AwardDecisions.PROCESSING_GROUP, c -> OneSequence.INSTANCE)
                .registerSequencingPolicy(IssuanceProjection.PROCESSING_GROUP, c -> OneSequence.INSTANCE)
                .registerSequencingPolicy(PassportProjection.PROCESSING_GROUP, c -> OneSequence.INSTANCE)
                .registerSequencingPolicy(AccessProjection.PROCESSING_GROUP, c -> OneSequence.INSTANCE)
                .registerSequencingPolicy(CatalogProjection.PROCESSING_GROUP, c -> OneSequence.INSTANCE)
                // each session is an aggregate of its own, but a machine's month is one document its sessions share
                .registerSequencingPolicy(UsageProjection.PROCESSING_GROUP, c -> OneSequence.INSTANCE);
    }
}
