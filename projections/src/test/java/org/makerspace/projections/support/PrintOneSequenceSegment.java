package org.makerspace.projections.support;

import java.util.List;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.async.SequentialPolicy;

/**
 * A child process for {@link OneSequenceTest}: prints which of 16 segments handles the one sequence of {@link
 * OneSequence}, and which handles Axon's {@code SequentialPolicy}'s, in this JVM, after the thread asked for as many
 * identity hashes as the argument says (as a busy application's threads do, each a different number of times).
 */
public final class PrintOneSequenceSegment {

    private PrintOneSequenceSegment() {
    }

    public static void main(String[] args) {
        int earlierHashes = Integer.parseInt(args[0]);
        for (int i = 0; i < earlierHashes; i++) {
            System.identityHashCode(new Object());
        }
        System.out.println("one-sequence=" + segmentOf(OneSequence.INSTANCE.getSequenceIdentifierFor("event"))
                           + " axon-sequential=" + segmentOf(new SequentialPolicy().getSequenceIdentifierFor("event")));
    }

    static int segmentOf(Object sequence) {
        List<Segment> segments = Segment.splitBalanced(Segment.ROOT_SEGMENT, 15);
        return segments.stream().filter(segment -> segment.matches(sequence)).findFirst().orElseThrow().getSegmentId();
    }
}
