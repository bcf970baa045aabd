package org.makerspace.api.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * The staff pages' session cookie travels only over https when the application is reached over https, so that a
 * network in the middle never sees it; plain http stays usable for a lab's first steps on its own network.
 */
@Component
class PageSessionCookie implements ServletContextInitializer {

    private final boolean https;

    PageSessionCookie(@Value("${ledger.public-base-url}") String publicBaseUrl) {
        this.https = publicBaseUrl.startsWith("https://");
    }

    @Override
    public void onStartup(jakarta.servlet.ServletContext servletContext) {
        if (https) {
            servletContext.getSessionCookieConfig().setSecure(true);
        }
    }
}
