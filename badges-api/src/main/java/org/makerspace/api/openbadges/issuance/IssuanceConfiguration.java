package org.makerspace.api.openbadges.issuance;

import java.nio.file.Path;
import org.makerspace.api.storage.DataDirectory;
import org.makerspace.api.storage.LedgerProperties;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.issuer.MasterKey;
import org.makerspace.projections.credential.issuer.VerificationMethods;
import org.makerspace.projections.issuance.IssuanceProjection;
import org.makerspace.projections.issuance.IssuedCredentials;
import org.makerspace.projections.issuance.NamedCredentials;
import org.makerspace.projections.issuance.StatusListCredentials;
import org.makerspace.projections.status.StatusListRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Issuance of Open Badges credentials: the master key, the public URLs, the labs' keys, the status lists, the
 * issuance projection and the learners' named copies. The projection is a processing group of its own, which the
 * read-model configuration runs in one sequence.
 */
@Configuration(proxyBeanMethods = false)
class IssuanceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IssuanceConfiguration.class);
    static final String MASTER_KEY_FILE = "master.key";

    /**
     * The configured key; else, on the embedded server only, the key file in the data directory. A configured
     * MongoDB without a configured key is refused: a key file on an application node is easily lost with the node,
     * and with it every lab's ability to sign.
     */
    @Bean
    MasterKey masterKey(OpenBadgesProperties properties, LedgerProperties ledger, DataDirectory dataDirectory) {
        if (properties.openbadges().masterKeyConfigured()) {
            return MasterKey.fromBase64(properties.openbadges().masterKey());
        }
        if (ledger.mongodb().embedded()) {
            Path file = dataDirectory.secret(MASTER_KEY_FILE);
            log.info("Open Badges: the labs' signing keys are encrypted under the master key in {}; back it up apart "
                     + "from the data", file);
            return MasterKey.loadOrCreate(file);
        }
        throw new IllegalStateException("ledger.openbadges.master-key (LEDGER_OPENBADGES_MASTER_KEY) is required with "
                                        + "a configured MongoDB: base64 of 32 random bytes, e.g. from "
                                        + "`openssl rand -base64 32`, kept apart from the database's backups");
    }

    @Bean
    PublicUrls publicUrls(OpenBadgesProperties properties) {
        if (properties.publicBaseUrl() == null) {
            throw new IllegalStateException("ledger.public-base-url is required");
        }
        return new PublicUrls(properties.publicBaseUrl());
    }

    @Bean
    IssuerKeys issuerKeys(LedgerStorage storage, MasterKey masterKey) {
        return new IssuerKeys(storage, masterKey);
    }

    @Bean
    VerificationMethods verificationMethods(PublicUrls urls) {
        return new VerificationMethods(urls);
    }

    @Bean
    StatusListRegistry statusListRegistry(LedgerStorage storage) {
        return new StatusListRegistry(storage);
    }

    @Bean
    StatusListCredentials statusListCredentials(StatusListRegistry registry, IssuerKeys keys, PublicUrls urls) {
        return new StatusListCredentials(registry, keys, urls);
    }

    @Bean
    IssuedCredentials issuedCredentials(LedgerStorage storage, StatusListRegistry registry) {
        return new IssuedCredentials(storage, registry);
    }

    @Bean
    NamedCredentials namedCredentials(IssuedCredentials issued, IssuerKeys keys,
                                      StatusListRegistry registry, PublicUrls urls) {
        return new NamedCredentials(issued, keys, registry, urls);
    }

    @Bean
    IssuanceProjection issuanceProjection(LedgerStorage storage, IssuerKeys keys, StatusListRegistry registry,
                                          PublicUrls urls) {
        return new IssuanceProjection(storage, keys, registry, urls);
    }
}
