package org.makerspace.api.axon;

import java.net.URI;
import java.util.OptionalLong;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.makerspace.api.achievement.image.BadgeImageStore;
import org.makerspace.api.storage.LedgerProperties;
import org.makerspace.ledger.achievement.AchievementWriteModel;
import org.makerspace.ledger.achievement.UploadedImages;
import org.makerspace.ledger.lab.EventSourcedLabRules;
import org.makerspace.ledger.lab.LabIssuerIds;
import org.makerspace.ledger.lab.LabRules;
import org.makerspace.ledger.lab.LabWriteModel;
import org.makerspace.ledger.member.MemberWriteModel;
import org.makerspace.ledger.recognition.RecognitionWriteModel;
import org.makerspace.ledger.session.SessionWriteModel;
import org.makerspace.projections.credential.PublicUrls;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;

/**
 * The ledger's aggregates, each with a snapshot trigger and its own bounded cache, so a hot aggregate is neither
 * replayed from its first event on every command nor kept in a cache that empties on every garbage collection.
 */
@Configuration(proxyBeanMethods = false)
class WriteModelConfiguration {

    /** The lab's rules, read from its events, for the member and achievement command handlers. */
    @Bean
    LabRules labRules(EventStore eventStore) {
        return EventSourcedLabRules.readingFrom(eventStore);
    }

    /** Our labs' issuer profile URLs, for a lab to tell itself from a partner. */
    @Bean
    LabIssuerIds labIssuerIds(PublicUrls urls) {
        return urls::issuer;
    }

    /** The stored badge images, for the achievement to check that a version names one that exists. */
    @Bean
    UploadedImages uploadedImages(BadgeImageStore images) {
        return images::isStored;
    }

    /** A cache manager of this application context only: two contexts in one JVM must never share aggregates. */
    @Bean(destroyMethod = "close")
    CacheManager aggregateCacheManager() {
        CachingProvider provider = Caching.getCachingProvider(
                "com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider");
        return provider.getCacheManager(URI.create("ledger-aggregates-" + UUID.randomUUID()),
                                        WriteModelConfiguration.class.getClassLoader());
    }

    @Bean
    ConfigurerModule ledgerAggregates(LedgerProperties properties, CacheManager caches) {
        return configurer -> {
            register(configurer, LabWriteModel.aggregate(), boundedCache(caches, "lab", properties), properties);
            register(configurer, MemberWriteModel.aggregate(), boundedCache(caches, "member", properties), properties);
            register(configurer, AchievementWriteModel.aggregate(), boundedCache(caches, "achievement", properties),
                     properties);
            register(configurer, RecognitionWriteModel.aggregate(), boundedCache(caches, "recognition", properties),
                     properties);
            register(configurer, SessionWriteModel.aggregate(), boundedCache(caches, "session", properties),
                     properties);
        };
    }

    private static <A> void register(Configurer configurer, AggregateConfigurer<A> aggregate, Cache cache,
                                     LedgerProperties properties) {
        configurer.configureAggregate(
                aggregate.configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                                c.snapshotter(), properties.snapshotThreshold()))
                        .configureCache(c -> cache));
    }

    /**
     * A least-recently-used cache of at most the configured number of aggregates of one type (one cache per type:
     * a lab and a member may share an identifier), through Axon's JCache adapter on Caffeine.
     */
    private static Cache boundedCache(CacheManager caches, String aggregateType, LedgerProperties properties) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(properties.aggregateCacheSize()));
        javax.cache.Cache<Object, Object> existing = caches.getCache(aggregateType);
        return new JCacheAdapter(existing != null ? existing : caches.createCache(aggregateType, configuration));
    }

    // The snapshotter of Axon's Spring support finds aggregates through these beans.

    @Bean
    AggregateFactory<?> labAggregateFactory(ParameterResolverFactory resolvers) {
        return LabWriteModel.factory(resolvers);
    }

    @Bean
    AggregateFactory<?> memberAggregateFactory(ParameterResolverFactory resolvers) {
        return MemberWriteModel.factory(resolvers);
    }

    @Bean
    AggregateFactory<?> achievementAggregateFactory(ParameterResolverFactory resolvers) {
        return AchievementWriteModel.factory(resolvers);
    }

    @Bean
    AggregateFactory<?> recognitionAggregateFactory(ParameterResolverFactory resolvers) {
        return RecognitionWriteModel.factory(resolvers);
    }

    @Bean
    AggregateFactory<?> sessionAggregateFactory(ParameterResolverFactory resolvers) {
        return SessionWriteModel.factory(resolvers);
    }
}
