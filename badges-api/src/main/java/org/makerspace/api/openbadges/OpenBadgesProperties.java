package org.makerspace.api.openbadges;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where credentials point to and how the labs' signing keys are sealed.
 *
 * @param publicBaseUrl the public URL the application is reached at: issuer profiles, keys and status lists are
 *                      published under it, and credentials name them (default {@code http://localhost:8080})
 * @param masterKey     base64 of the 32-byte key that encrypts the labs' private keys; blank keeps a generated one in
 *                      {@code <data-dir>/secrets/master.key} (owner-only). Several nodes must share a configured key.
 */
@ConfigurationProperties("ledger.openbadges")
public record OpenBadgesProperties(@DefaultValue("http://localhost:8080") String publicBaseUrl, String masterKey) {
}
