package org.makerspace.projections.passport;

/** Where a certification stands at a given time. */
public enum CertificationStatus {
    VALID, EXPIRING_SOON, EXPIRED, SUSPENDED, REVOKED
}
