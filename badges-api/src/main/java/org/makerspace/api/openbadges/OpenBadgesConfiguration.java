package org.makerspace.api.openbadges;

import org.makerspace.api.storage.LedgerProperties;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.issuer.MasterKey;
import org.makerspace.projections.status.StatusListRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The credential building blocks every Open Badges feature shares, defined once: the public URLs, the labs' signing
 * keys and the status lists.
 */
@Configuration(proxyBeanMethods = false)
class OpenBadgesConfiguration {

    @Bean
    PublicUrls publicUrls(OpenBadgesProperties properties) {
        return PublicUrls.of(properties.publicBaseUrl());
    }

    @Bean
    IssuerKeys issuerKeys(LedgerStorage storage, OpenBadgesProperties properties, LedgerProperties ledger) {
        MasterKey masterKey = properties.masterKey() == null || properties.masterKey().isBlank()
                ? MasterKey.loadOrCreate(ledger.dataDir().resolve("secrets").resolve("master.key"))
                : MasterKey.fromBase64(properties.masterKey());
        return new IssuerKeys(storage, masterKey);
    }

    @Bean
    StatusListRegistry statusListRegistry(LedgerStorage storage) {
        return new StatusListRegistry(storage);
    }
}
