package org.makerspace.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.TrainingId;

/** Realistic ledger events (a member's completed trainings) for filling stores. */
final class SampleEvents {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    private SampleEvents() {
    }

    static DomainEventMessage<TrainingCompleted> training(String memberId, long sequence) {
        TrainingCompleted payload = new TrainingCompleted(MemberId.of(memberId), TrainingId.of(memberId + "-t" + sequence),
                                                          LabId.of("fablab-lyon"), "laser-basics", new BigDecimal("3.5"),
                                                          TrainerId.of("trainer-7"), START.plusSeconds(sequence * 3600));
        return new GenericDomainEventMessage<>("Member", memberId, sequence, payload, MetaData.with("recordedBy", "trainer-7"));
    }

    static List<DomainEventMessage<?>> commit(String memberId, long firstSequence, int size) {
        List<DomainEventMessage<?>> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            events.add(training(memberId, firstSequence + i));
        }
        return events;
    }

    /**
     * Appends {@code total} events as commits of {@code perCommit} events, spread over aggregates of
     * {@code perAggregate} events each. Our engine takes one commit per append (one aggregate, as a command makes);
     * Axon's JDBC engine accepts many aggregates in one append, which makes filling it with a million events
     * bearable, and changes nothing in what is measured afterwards.
     */
    static void fill(EventStorageEngine engine, String prefix, int total, int perAggregate, int perCommit) {
        int commitsPerAppend = engine instanceof org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine
                ? 250 : 1;
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        int commitsInBatch = 0;
        for (int written = 0; written < total; written += perCommit) {
            int aggregate = written / perAggregate;
            long sequence = written % perAggregate;
            batch.addAll(commit(prefix + aggregate, sequence, perCommit));
            if (++commitsInBatch == commitsPerAppend) {
                engine.appendEvents(batch);
                batch = new ArrayList<>();
                commitsInBatch = 0;
            }
        }
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
        }
    }
}
