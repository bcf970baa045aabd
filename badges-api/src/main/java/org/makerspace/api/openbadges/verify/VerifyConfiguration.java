package org.makerspace.api.openbadges.verify;

import java.time.Clock;
import org.makerspace.api.ratelimit.ClientRateLimit;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.status.StatusListRegistry;
import org.makerspace.projections.trust.TrustedPartnersProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Verification and its limits: the verifier, what it may fetch from partners, and how often a client may ask. */
@Configuration(proxyBeanMethods = false)
class VerifyConfiguration {

    @Bean
    NetworkVerifier networkVerifier(PublicUrls urls, IssuerKeys keys, StatusListRegistry statusLists,
                                    TrustedPartnersProjection trust, VerifyProperties properties, Clock clock) {
        PartnerDocuments documents = new PartnerDocuments(new PartnerFetch(properties.fetch()), properties.fetch(),
                                                          clock);
        return new NetworkVerifier(urls, keys, statusLists, trust, documents);
    }

    @Bean
    CredentialIntake credentialIntake(VerifyProperties properties) {
        return new CredentialIntake(properties);
    }

    @Bean
    ClientRateLimit verificationRateLimit(VerifyProperties properties) {
        return new ClientRateLimit(properties.requestsPerMinute(), System::nanoTime);
    }
}
