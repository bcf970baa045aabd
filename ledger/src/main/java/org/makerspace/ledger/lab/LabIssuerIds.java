package org.makerspace.ledger.lab;

import org.makerspace.ledger.lab.api.LabId;

/**
 * The Open Badges issuer profile URL of each of our labs: the {@code issuer} of the credentials it signs. The URL
 * depends on where the installation is published, which events do not know, so the application supplies it; a lab
 * uses it to tell its own issuer from a partner's. Command handlers receive it as a parameter, resolved by Axon from
 * the registered resources.
 */
@FunctionalInterface
public interface LabIssuerIds {

    String issuerIdOf(LabId lab);
}
