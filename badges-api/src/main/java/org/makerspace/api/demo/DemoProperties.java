package org.makerspace.api.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data: a sample lab seeded at start into an empty ledger, for trying the application out. Never in production.
 *
 * @param enabled  seed the demo lab when the ledger is empty (env {@code LEDGER_DEMO}); a ledger holding anything is
 *                 left alone
 * @param password the password of every demo account; blank draws a random one, printed in the log
 */
@ConfigurationProperties("ledger.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, String password) {

    boolean passwordConfigured() {
        return password != null && !password.isBlank();
    }
}
