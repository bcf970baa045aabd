package org.makerspace.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The segment that handles a one-sequence processing group is the same in every JVM: after a restart, or on another
 * node, the same segment goes on from its own token. Axon's {@code SequentialPolicy} picks a segment by the identity
 * hash of an object made at class loading, which depends on what the thread asking first had done before; so another
 * segment took over after a restart and skipped what the first had not handled yet. Four JVMs whose threads did a
 * little more or less before show it moving.
 */
class OneSequenceTest {

    @Test
    void everyJvmHandsTheOneSequenceToTheSameSegment() throws Exception {
        List<String> runs = new ArrayList<>();
        for (int jvm = 0; jvm < 4; jvm++) {
            runs.add(printedByAnotherJvm(jvm));
        }
        int here = PrintOneSequenceSegment.segmentOf(OneSequence.INSTANCE.getSequenceIdentifierFor("any event"));

        assertThat(runs).allSatisfy(run -> assertThat(run).startsWith("one-sequence=" + here + " "));
        Set<String> axonSegments = new HashSet<>();
        runs.forEach(run -> axonSegments.add(run.substring(run.indexOf("axon-sequential="))));
        assertThat(axonSegments).as("segments Axon's SequentialPolicy picked in four JVMs").hasSizeGreaterThan(1);
    }

    @Test
    void everyEventIsInTheSameSequence() {
        assertThat(OneSequence.INSTANCE.getSequenceIdentifierFor("a training"))
                .isEqualTo(OneSequence.INSTANCE.getSequenceIdentifierFor(42L));
    }

    private static String printedByAnotherJvm(int earlierHashes) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                           "-cp", System.getProperty("java.class.path"),
                                           PrintOneSequenceSegment.class.getName(), String.valueOf(earlierHashes))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
