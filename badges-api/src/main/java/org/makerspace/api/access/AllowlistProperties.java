package org.makerspace.api.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How signed allowlists and controllers' streams are served (the offline age itself is {@link MachineProperties}).
 *
 * @param heartbeat         how often an idle stream gets a comment, so that proxies keep it open and a vanished
 *                          controller is noticed on the failed write
 * @param streamsPerMachine how many streams one machine key may hold open; a new one ends the oldest, so a controller
 *                          that reconnects before its old connection timed out is never refused
 * @param streamTimeout     how long one stream lasts before the server ends it and the controller reconnects
 * @param resignAfterShare  share of the machine's max offline age after which a cached signed list is signed afresh
 *                          although nothing changed, so that a controller keeps most of its offline budget in hand
 */
@ConfigurationProperties("ledger.machines.allowlist")
public record AllowlistProperties(@DefaultValue("15s") Duration heartbeat,
                                  @DefaultValue("2") int streamsPerMachine,
                                  @DefaultValue("1h") Duration streamTimeout,
                                  @DefaultValue("0.25") double resignAfterShare) {

    public AllowlistProperties {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("ledger.machines.allowlist.heartbeat must be positive, but was "
                                               + heartbeat);
        }
        if (streamsPerMachine < 1) {
            throw new IllegalArgumentException("ledger.machines.allowlist.streams-per-machine must be at least 1, "
                                               + "but was " + streamsPerMachine);
        }
        if (!(resignAfterShare > 0 && resignAfterShare <= 1)) {
            throw new IllegalArgumentException("ledger.machines.allowlist.resign-after-share must be in (0, 1], but "
                                               + "was " + resignAfterShare);
        }
    }

    /** How old a signed list of a machine allowed offline for {@code maxOfflineAge} may be before it is re-signed. */
    public Duration resignAfter(Duration maxOfflineAge) {
        return Duration.ofMillis((long) (maxOfflineAge.toMillis() * resignAfterShare));
    }
}
