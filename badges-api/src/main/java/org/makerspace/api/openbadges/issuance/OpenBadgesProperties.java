package org.makerspace.api.openbadges.issuance;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Open Badges documents are published and what encrypts the labs' signing keys.
 *
 * @param publicBaseUrl the absolute URL under which this application is reachable from outside; every signed
 *                      credential names it, so it must never change once credentials are issued (default
 *                      {@code http://localhost:<server.port>}, for trying things out only)
 * @param openbadges    the master key
 */
@ConfigurationProperties("ledger")
public record OpenBadgesProperties(URI publicBaseUrl, @DefaultValue Openbadges openbadges) {

    /**
     * @param masterKey base64 of the 32-byte key that encrypts the labs' private keys; required with a configured
     *                  MongoDB, and kept apart from the database's backups. On the embedded default, none means the
     *                  key file {@code <data-dir>/secrets/master.key}, created on first start
     */
    public record Openbadges(String masterKey) {

        public boolean masterKeyConfigured() {
            return masterKey != null && !masterKey.isBlank();
        }
    }
}
