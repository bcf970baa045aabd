package org.makerspace.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who just started the application where to open it. */
@Component
class WhereToOpen {

    private static final Logger log = LoggerFactory.getLogger(WhereToOpen.class);

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext() instanceof WebServerApplicationContext web) {
            int port = web.getWebServer().getPort();
            log.info("""

                    ==========================================================
                     Makerspace ledger is running.
                     Staff pages:       http://localhost:{}/login
                     API documentation: http://localhost:{}/swagger-ui.html
                     Health:            http://localhost:{}/actuator/health
                    ==========================================================""", port, port, port);
        }
    }
}
