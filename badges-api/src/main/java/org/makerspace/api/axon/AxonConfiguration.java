package org.makerspace.api.axon;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.makerspace.ledger.common.LedgerJson;
import org.makerspace.ledger.eventstore.MongoEventStorageEngine;
import org.makerspace.ledger.storage.DurableTokenStore;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.upcasting.ExternalCredentialImportedRevision1To2;
import org.makerspace.ledger.upcasting.MachineRegisteredRevision1To2;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon on our own MongoDB storage engine: no Axon Server, Jackson everywhere, pooled streaming processors. */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    static final String TOKEN_COLLECTION = "processor_tokens";

    /** One {@link WakingEventSource} for all processors, made from the configured event store, closed with the context. */
    static final class EventAvailability implements AutoCloseable {

        private WakingEventSource source;

        synchronized WakingEventSource source(org.axonframework.config.Configuration configuration) {
            if (source == null) {
                source = new WakingEventSource(configuration.eventStore(), Duration.ofMillis(500));
            }
            return source;
        }

        @Override
        public synchronized void close() {
            if (source != null) {
                source.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    EventAvailability eventAvailability() {
        return new EventAvailability();
    }

    /** Reads MachineRegistered events of revision 1 (before inServiceSince) as revision 2. */
    @Bean
    EventUpcaster machineRegisteredRevision1To2() {
        return new MachineRegisteredRevision1To2();
    }

    /** Reads ExternalCredentialImported events of revision 1 (before their status lists were kept) as revision 2. */
    @Bean
    EventUpcaster externalCredentialImportedRevision1To2() {
        return new ExternalCredentialImportedRevision1To2();
    }

    @Bean
    MongoEventStorageEngine eventStorageEngine(LedgerStorage storage, MeterRegistry meterRegistry,
                                               ObjectProvider<EventUpcaster> upcasters) {
        List<EventUpcaster> chain = upcasters.orderedStream().toList();
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .database(storage.database())
                .durability(storage.durability())
                .upcasterChain(new EventUpcasterChain(chain))
                .meterRegistry(meterRegistry)
                .build();
        engine.ensureSchema();
        return engine;
    }

    /** Axon's Mongo token store, whose tokens move only once their processor's effects are durable. */
    @Bean
    TokenStore tokenStore(LedgerStorage storage, TokenClaims claims) {
        return new DurableTokenStore(MongoTokenStore.builder()
                                             .mongoTemplate(DefaultMongoTemplate.builder()
                                                                    .mongoDatabase(storage.database())
                                                                    .trackingTokensCollectionName(TOKEN_COLLECTION)
                                                                    .build())
                                             .serializer(tokenSerializer())
                                             .nodeId(claims.nodeId())
                                             .claimTimeout(TokenClaims.CLAIM_TIMEOUT)
                                             .build(),
                                     storage.durability());
    }

    /** This node's name in the token store: {@code ledger.node-id}, or the JVM's {@code pid@host}. */
    @Bean
    TokenClaims tokenClaims(LedgerStorage storage, @Value("${ledger.node-id:}") String nodeId) {
        return new TokenClaims(storage.database().getCollection(TOKEN_COLLECTION),
                               nodeId.isBlank() ? TokenClaims.thisNode() : nodeId);
    }

    @Bean
    ProcessorLag processorLag(LedgerStorage storage, MongoEventStorageEngine ledger,
                              EventProcessingConfiguration processing, MeterRegistry meterRegistry) {
        return new ProcessorLag(storage.database().getCollection(TOKEN_COLLECTION), tokenSerializer(), ledger,
                                processing, meterRegistry);
    }

    private static Serializer tokenSerializer() {
        return JacksonSerializer.builder().objectMapper(LedgerJson.eventMapper()).build();
    }

    /**
     * Pooled streaming processors: they split the stream into segments that several threads or nodes can claim. They
     * read the store through {@link WakingEventSource}, so that an event reaches the read models (and a revocation
     * the controllers) when it is published rather than at the coordinator's next 500 ms look.
     */
    @Bean
    ConfigurerModule pooledStreamingProcessors(EventAvailability availability) {
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors(
                        (configuration, builder) -> builder.messageSource(availability.source(configuration)))
                // A read model that silently skips an event it failed on is wrong for good; a failing handler
                // instead stops its segment, which Axon retries with back-off, and the lag gauge shows it.
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
