package org.makerspace.api.access.decisions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the decision log writes.
 *
 * @param flushInterval    how long an online decision may wait in memory before its batch is written; a crash loses
 *                         at most about this much (plus what the storage itself had not yet made durable)
 * @param batchSize        how many decisions one write holds at most; a full batch is written at once
 * @param queueCapacity    how many decisions may wait; past it, new ones are dropped and counted
 *                         ({@code ledger.access.decision-log.dropped}) rather than slowing the machines down
 * @param explainTolerance how far before the asked moment a recorded decision still explains it
 */
@ConfigurationProperties("ledger.decision-log")
public record DecisionLogProperties(@DefaultValue("200ms") Duration flushInterval,
                                    @DefaultValue("500") int batchSize,
                                    @DefaultValue("20000") int queueCapacity,
                                    @DefaultValue("5m") Duration explainTolerance) {

    public DecisionLogProperties {
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("ledger.decision-log.flush-interval must be positive");
        }
        if (batchSize < 1 || queueCapacity < batchSize) {
            throw new IllegalArgumentException(
                    "ledger.decision-log.batch-size must be at least 1 and at most the queue capacity");
        }
    }
}
