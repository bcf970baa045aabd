package org.makerspace.ledger.recognition.api;

/** What an imported credential's issuer says of it, as this lab last found out by reading its status lists. */
public enum IssuerStatus {
    /** Neither revoked nor suspended at the issuer, last time its lists were read. */
    ACTIVE,
    /** Suspended by its issuer: it counts again if the issuer lifts the suspension. */
    SUSPENDED,
    /** Revoked by its issuer: for good. */
    REVOKED,
    /**
     * The issuer's status lists could not be read, or not believed, for longer than the lab's grace period: nobody can
     * say the credential still holds, so it no longer counts where a mistake would be dangerous.
     */
    UNREACHABLE
}
