package org.makerspace.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, for installations that provision it from configuration rather than with the setup token.
 * Used only while the instance has no platform administrator; pass the password through the environment
 * ({@code LEDGER_BOOTSTRAP_ADMIN_PASSWORD}), never in a committed file.
 *
 * @param adminUsername username of the first PLATFORM_ADMIN
 * @param adminPassword its password, at least 12 characters
 */
@ConfigurationProperties("ledger.bootstrap")
public record BootstrapProperties(String adminUsername, String adminPassword) {

    boolean configured() {
        return adminUsername != null && !adminUsername.isBlank() && adminPassword != null && !adminPassword.isEmpty();
    }
}
