package org.makerspace.api.readmodel;

import org.axonframework.config.ConfigurerModule;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.recognition.ImportedCredentialsProjection;
import org.makerspace.projections.support.OneSequence;
import org.makerspace.projections.trust.TrustedPartnersProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read models of cross-lab recognition: whom our labs trust, and what members imported from them. */
@Configuration(proxyBeanMethods = false)
class RecognitionReadModelConfiguration {

    @Bean
    TrustedPartnersProjection trustedPartnersProjection(LedgerStorage storage) {
        return new TrustedPartnersProjection(storage);
    }

    @Bean
    ImportedCredentialsProjection importedCredentialsProjection(LedgerStorage storage) {
        return new ImportedCredentialsProjection(storage);
    }

    /** Two labs trusting one partner write the same issuer document: the trust events are handled in one sequence. */
    @Bean
    ConfigurerModule sequentialTrustedPartners() {
        return configurer -> configurer.eventProcessing()
                .registerSequencingPolicy(TrustedPartnersProjection.PROCESSING_GROUP, c -> OneSequence.INSTANCE);
    }
}
