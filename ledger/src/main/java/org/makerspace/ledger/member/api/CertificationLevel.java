package org.makerspace.ledger.member.api;

/** What a certified member may do on a machine; declared from the least to the most trusted. */
public enum CertificationLevel {
    /** May use the machine only while a qualified trainer supervises. */
    SUPERVISED,
    /** May use the machine alone. */
    AUTONOMOUS,
    /** May use the machine alone and train others on it. */
    TRAINER;

    public boolean atLeast(CertificationLevel other) {
        return compareTo(other) >= 0;
    }
}
