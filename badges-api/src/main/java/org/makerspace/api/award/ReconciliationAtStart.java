package org.makerspace.api.award;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.makerspace.api.axon.Processors;
import org.makerspace.ledger.member.api.RecordAward;
import org.makerspace.projections.award.AwardDecisions;
import org.makerspace.projections.award.AwardReconciliation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After each start, once the award decisions have caught up with the ledger as it stood when the application was
 * ready, compares "criteria met" with "awarded" and records what is missing ({@link AwardReconciliation}). A healthy
 * ledger has nothing missing; anything found is logged and counted ({@value #METRIC}), since it means a decision was
 * lost and deserves a look.
 */
@Component
class ReconciliationAtStart {

    static final String METRIC = "ledger.awards.reconciled";
    private static final Logger log = LoggerFactory.getLogger(ReconciliationAtStart.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Processors processors;
    private final AwardReconciliation reconciliation;
    private final Counter reconciled;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "award-reconciliation");
        thread.setDaemon(true);
        return thread;
    });

    ReconciliationAtStart(Processors processors, AwardReconciliation reconciliation, MeterRegistry meters) {
        this.processors = processors;
        this.reconciliation = reconciliation;
        this.reconciled = Counter.builder(METRIC)
                .description("Awards whose criteria were met but which the ledger did not hold (or held dated later), "
                             + "recorded by the reconciliation after a start")
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcileOnceCaughtUp() {
        long head = processors.head();
        runner.submit(() -> {
            try {
                while (!processors.caughtUp(AwardDecisions.PROCESSING_GROUP, head)) {
                    Thread.sleep(POLL.toMillis());
                }
                List<RecordAward> recorded = reconciliation.reconcile();
                reconciled.increment(recorded.size());
                if (recorded.isEmpty()) {
                    log.info("Award reconciliation: every award whose criteria are met is in the ledger");
                } else {
                    log.warn("Award reconciliation recorded {} missing award(s): {}", recorded.size(), recorded);
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("Award reconciliation failed; it runs again at the next start", e);
            }
        });
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
