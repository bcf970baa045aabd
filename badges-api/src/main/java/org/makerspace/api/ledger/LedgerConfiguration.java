package org.makerspace.api.ledger;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the HTTP layer talks to the ledger: the clock of the edge, and a command gateway that retries conflicts. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    /** The wall clock, read only at the edge to default a business time the caller left out. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Copies who recorded a command onto the events it causes. */
    @Bean
    CorrelationDataProvider recordedByCorrelation() {
        return new SimpleCorrelationDataProvider(LedgerCommands.RECORDED_BY);
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Two nodes (or two trainers) changing one member at the same moment: the loser's append hits the commit key and
     * fails with a concurrency conflict; retrying the command on the fresh state records both facts.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                                        .retryExecutor(commandRetryExecutor)
                                        .retryInterval(20)
                                        .maxRetryCount(5)
                                        .nonTransientFailurePredicate(LedgerConfiguration::notAConflict)
                                        .build())
                .build();
    }

    /** Only a conflict on a commit key is worth another try; a refusal or a bad request would be refused again. */
    private static boolean notAConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AggregateStreamCreationException) {
                return true; // the id is taken for good
            }
            if (cause instanceof ConcurrencyException) {
                return false;
            }
        }
        return true;
    }
}
