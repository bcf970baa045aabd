package org.makerspace.api.award;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.makerspace.api.ledger.LedgerCommands;
import org.makerspace.ledger.member.api.RecordAward;
import org.makerspace.projections.award.AwardRecorder;

/**
 * Records the award decisions' awards in the member records, and returns once the ledger has them durably.
 *
 * <p>The command is sent from a thread of its own. Sent from the processor's thread, it would join the processor's
 * unit of work, and Axon would append its events only when that unit of work commits, after the processor's token is
 * written: a crash in between would lose the award with its token already past the decision. From its own thread the
 * command is a unit of work of its own, committed (appended and made durable) before this returns.
 */
final class CommandBusAwardRecorder implements AwardRecorder, AutoCloseable {

    /** Who recorded an award, in the events' metadata: the application itself, never a person. */
    static final String RECORDED_BY = "system:award-decisions";

    private final CommandGateway gateway;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "award-recorder");
        thread.setDaemon(true);
        return thread;
    });

    CommandBusAwardRecorder(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void record(RecordAward award) {
        try {
            sender.submit(() -> gateway.sendAndWait(GenericCommandMessage.asCommandMessage(award)
                                                            .andMetaData(Map.of(LedgerCommands.RECORDED_BY, RECORDED_BY))))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording award " + award.awardId(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("award " + award.awardId() + " could not be recorded", cause);
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
