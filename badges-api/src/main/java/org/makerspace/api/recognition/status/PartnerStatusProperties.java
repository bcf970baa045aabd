package org.makerspace.api.recognition.status;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How imported partner credentials are followed.
 *
 * @param statusRefresh     how often the issuers' status lists are read again (each list at most once per round,
 *                          conditionally when its host gave an ETag); a revocation at the issuer reaches the machines
 *                          within about this long
 * @param unreachableGrace  how long an issuer's lists may stay out of reach (or unbelievable) before its credentials
 *                          stop counting on high-risk machines
 */
@ConfigurationProperties("ledger.partners")
public record PartnerStatusProperties(@DefaultValue("15m") Duration statusRefresh,
                                      @DefaultValue("24h") Duration unreachableGrace) {

    public PartnerStatusProperties {
        if (statusRefresh.isNegative() || statusRefresh.isZero()) {
            throw new IllegalArgumentException("ledger.partners.status-refresh must be positive");
        }
        if (unreachableGrace.isNegative()) {
            throw new IllegalArgumentException("ledger.partners.unreachable-grace must not be negative");
        }
    }
}
