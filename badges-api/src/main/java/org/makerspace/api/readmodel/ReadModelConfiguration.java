package org.makerspace.api.readmodel;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.access.AccessProjection;
import org.makerspace.projections.award.AwardProjection;
import org.makerspace.projections.passport.PassportProjection;
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
    AccessProjection accessProjection(LedgerStorage storage, MeterRegistry meterRegistry) {
        return new AccessProjection(storage, meterRegistry);
    }

    @Bean
    AwardProjection awardProjection(LedgerStorage storage) {
        return new AwardProjection(storage);
    }

    /**
     * Awards and machine access depend on the order of events across aggregates (an achievement defined before or
     * after a member's training; a card moving from one member to another), so each sees the stream in one sequence.
     */
    @Bean
    ConfigurerModule globallyOrderedReadModels() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(AwardProjection.PROCESSING_GROUP, c -> new SequentialPolicy())
                .registerSequencingPolicy(AccessProjection.PROCESSING_GROUP, c -> new SequentialPolicy());
    }
}
