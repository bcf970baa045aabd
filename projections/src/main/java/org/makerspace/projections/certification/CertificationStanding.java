package org.makerspace.projections.certification;

/** How a certification stands at a moment, from best to worst. */
public enum CertificationStanding {
    VALID, SUSPENDED, EXPIRED, REVOKED
}
