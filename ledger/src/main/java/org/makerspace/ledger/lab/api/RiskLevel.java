package org.makerspace.ledger.lab.api;

/** How much harm a machine can do; it drives how long a controller may decide offline. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH
}
