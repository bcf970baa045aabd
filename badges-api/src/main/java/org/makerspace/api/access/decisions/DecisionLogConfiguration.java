package org.makerspace.api.access.decisions;

import io.micrometer.core.instrument.MeterRegistry;
import org.makerspace.ledger.storage.LedgerStorage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The decision log on the ledger's database; Spring starts its writer and, on shutdown, lets it write what waits. */
@Configuration(proxyBeanMethods = false)
class DecisionLogConfiguration {

    @Bean
    DecisionLog decisionLog(LedgerStorage storage, DecisionLogProperties properties, MeterRegistry meterRegistry) {
        return new DecisionLog(storage.database(), properties, meterRegistry);
    }
}
