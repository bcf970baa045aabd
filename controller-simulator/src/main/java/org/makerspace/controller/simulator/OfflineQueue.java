package org.makerspace.controller.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.makerspace.machine.protocol.Json;

/**
 * What the controller must still tell the server, one file per report, in the order it happened: decisions it took
 * offline, and the starts and ends of sessions (online ones too, so that a start the network swallowed is sent
 * again). A report leaves the queue only once the server acknowledged it; the server ignores a report it already has,
 * so sending one twice (a crash between the answer and the deletion) is harmless. A report the server refuses for good
 * (a 4xx that no resending cures, such as a session of a card nobody holds any more) moves to {@code rejected/}
 * rather than blocking the ones after it.
 */
final class OfflineQueue {

    /** The kinds of report, as the {@code kind} field of a queued file names them. */
    static final String DECISION = "decision";
    static final String SESSION_START = "session-start";
    static final String SESSION_END = "session-end";

    /** A queued report: its place in the queue and the request it stands for, with its {@code kind}. */
    record Entry(long sequence, Map<String, Object> report) {

        String kind() {
            return Json.string(report, "kind");
        }
    }

    private final Path directory;
    private final Path rejected;
    private long next;

    OfflineQueue(Path directory, Path rejected) {
        this.directory = directory;
        this.rejected = rejected;
        try {
            Files.createDirectories(directory);
            Files.createDirectories(rejected);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        // After the rejected ones too: a report set aside must never be overwritten by a later one of its number.
        this.next = Stream.concat(files(directory).stream(), files(rejected).stream())
                            .mapToLong(OfflineQueue::sequenceOf).max().orElse(0) + 1;
    }

    synchronized void add(Map<String, Object> report) {
        if (!(report.get("kind") instanceof String)) {
            throw new IllegalArgumentException("a queued report names its kind");
        }
        StateDirectory.write(directory.resolve(name(next++)), Json.write(report));
    }

    /** Every queued report, oldest first. */
    synchronized List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Path file : files(directory)) {
            StateDirectory.read(file).ifPresent(json -> entries.add(new Entry(sequenceOf(file), Json.parse(json))));
        }
        return entries;
    }

    synchronized int size() {
        return files(directory).size();
    }

    synchronized int rejectedCount() {
        return files(rejected).size();
    }

    /** Acknowledged by the server: forgotten. */
    synchronized void remove(Entry entry) {
        StateDirectory.delete(directory.resolve(name(entry.sequence())));
    }

    /** Refused by the server for good: kept aside, with the server's answer, and no longer sent. */
    synchronized void reject(Entry entry, String answer) {
        try {
            Files.move(directory.resolve(name(entry.sequence())), rejected.resolve(name(entry.sequence())),
                       StandardCopyOption.REPLACE_EXISTING);
            StateDirectory.write(rejected.resolve(name(entry.sequence()) + ".answer"), answer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set report " + entry.sequence() + " aside", e);
        }
    }

    private static String name(long sequence) {
        return String.format("%020d.json", sequence);
    }

    private static long sequenceOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - ".json".length()));
    }

    /** The queue's files in order (zero-padded names sort as their numbers), without temporary ones. */
    private static List<Path> files(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("\\d{20}\\.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
