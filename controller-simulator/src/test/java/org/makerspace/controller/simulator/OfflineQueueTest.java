package org.makerspace.controller.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue on disk: in order, forgotten only when told, and what was set aside stays set aside. */
class OfflineQueueTest {

    @TempDir
    Path state;

    private OfflineQueue queue() {
        return new OfflineQueue(state.resolve("queue"), state.resolve("rejected"));
    }

    @Test
    void reportsComeBackInTheOrderTheyWereQueuedAfterARestart() {
        OfflineQueue queue = queue();
        for (int i = 0; i < 12; i++) {
            queue.add(Map.of("kind", OfflineQueue.DECISION, "n", i));
        }

        assertThat(queue().entries()).extracting(entry -> ((Number) entry.report().get("n")).intValue())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void aReportSetAsideIsNotOverwrittenByALaterOneAfterTheQueueEmptied() {
        OfflineQueue queue = queue();
        queue.add(Map.of("kind", OfflineQueue.SESSION_START, "sessionId", "s-1"));
        queue.reject(queue.entries().get(0), "404 unknown card");

        OfflineQueue restarted = queue();
        restarted.add(Map.of("kind", OfflineQueue.SESSION_START, "sessionId", "s-2"));
        restarted.reject(restarted.entries().get(0), "409 conflict");

        assertThat(restarted.rejectedCount()).isEqualTo(2);
        assertThat(restarted.size()).isZero();
    }
}
