package org.makerspace.api.access;

import java.time.Duration;
import org.makerspace.ledger.lab.api.RiskLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How machines decide.
 *
 * @param supervisionWindow how long after a trainer of a machine was let in on it SUPERVISED members are let in too
 * @param maxOfflineAge     how long a controller may decide from its signed allowlist without reaching the server,
 *                          by the machine's risk level; past it, it refuses everyone (fails closed)
 */
@ConfigurationProperties("ledger.machines")
public record MachineProperties(@DefaultValue("15m") Duration supervisionWindow,
                                @DefaultValue MaxOfflineAge maxOfflineAge) {

    /** Per risk level: a laser cutter (HIGH) a day, a 3D printer (LOW) a week. */
    public record MaxOfflineAge(@DefaultValue("24h") Duration high,
                                @DefaultValue("72h") Duration medium,
                                @DefaultValue("7d") Duration low) {

        public Duration of(RiskLevel risk) {
            return switch (risk) {
                case HIGH -> high;
                case MEDIUM -> medium;
                case LOW -> low;
            };
        }
    }
}
