package org.makerspace.projections.certification;

/**
 * How a certification stands at a moment, from best to worst. {@link #UNCONFIRMED} is a partner's credential whose
 * issuer could not be read for longer than the grace period, on a machine where that is not good enough (high risk).
 */
public enum CertificationStanding {
    VALID, UNCONFIRMED, SUSPENDED, EXPIRED, REVOKED
}
