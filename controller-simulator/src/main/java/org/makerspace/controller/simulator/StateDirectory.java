package org.makerspace.controller.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.makerspace.machine.protocol.AllowlistChange;
import org.makerspace.machine.protocol.Json;

/**
 * What a controller keeps across its own restarts, as plain files in one directory, so that it can decide and report
 * offline after a power cut as well as before:
 *
 * <pre>
 * lab                 the lab its first verified document was signed for; keys of other labs are refused after it
 * keys/*.jwk          the lab's public keys, one JWK per file, as {@code <kid>/jwk} served them
 * allowlist.jws       the newest verified signed allowlist, exactly as received
 * allowlist.etag      its ETag, for If-None-Match
 * changes.jsonl       the stream's changes since that document, one {@code change} event per line
 * session.json        the session running on the machine, if one is
 * queue/*.json        what waits to be uploaded, oldest first (see {@link OfflineQueue})
 * rejected/*.json     what the server refused for good, kept for a person to look at
 * </pre>
 *
 * Every file is written whole to a temporary file and then moved over the old one, so a crash leaves the old or the
 * new version, never half of one. Nothing secret is kept: the machine key and the card key come from the
 * configuration at each start. One controller at a time: a second one on the same directory would send the same
 * queue and end the first one's session as cut, so the directory is locked ({@code lock}) until {@link #release}.
 */
final class StateDirectory {

    private final Path root;
    private final Path keys;
    private final OfflineQueue queue;
    private final FileChannel lockFile;
    private final FileLock lock;

    StateDirectory(Path root) {
        this.root = root;
        this.keys = root.resolve("keys");
        try {
            Files.createDirectories(keys);
            lockFile = FileChannel.open(root.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLock(lockFile, root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state directory " + root, e);
        }
        this.queue = new OfflineQueue(root.resolve("queue"), root.resolve("rejected"));
    }

    private static FileLock tryLock(FileChannel channel, Path root) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another controller is using the state directory " + root);
        }
        return lock;
    }

    /** Lets another controller (this one restarted) use the directory. */
    void release() {
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock " + root, e);
        }
    }

    Path root() {
        return root;
    }

    OfflineQueue queue() {
        return queue;
    }

    Optional<String> lab() {
        return read(root.resolve("lab")).map(String::strip);
    }

    void lab(String labId) {
        write(root.resolve("lab"), labId);
    }

    /** Every lab key held, as JWK documents. */
    List<String> keys() {
        try (Stream<Path> files = Files.list(keys)) {
            List<String> jwks = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".jwk")).sorted().toList()) {
                read(file).ifPresent(jwks::add);
            }
            return jwks;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + keys, e);
        }
    }

    /** Keeps a key under a name derived from its kid (a URL, not a file name). */
    void addKey(String kid, String jwk) {
        write(keys.resolve(sha256(kid).substring(0, 32) + ".jwk"), jwk);
    }

    /** The stored document, its ETag and the changes since; still to be verified by whoever reads it. */
    record StoredAllowlist(String compact, String etag, List<AllowlistChange> changes) {
    }

    Optional<StoredAllowlist> allowlist() {
        Optional<String> compact = read(root.resolve("allowlist.jws"));
        if (compact.isEmpty()) {
            return Optional.empty();
        }
        List<AllowlistChange> changes = new ArrayList<>();
        read(root.resolve("changes.jsonl")).ifPresent(lines -> lines.lines().filter(line -> !line.isBlank())
                .forEach(line -> changes.add(AllowlistChange.fromJson(line))));
        return Optional.of(new StoredAllowlist(compact.get(), read(root.resolve("allowlist.etag")).orElse(null),
                                               changes));
    }

    void allowlist(HeldAllowlist held) {
        StringBuilder changes = new StringBuilder();
        held.changes().forEach(change -> changes.append(change.toJson()).append('\n'));
        // The changes first: with a crash in between, a newer document and older changes is harmless (the changes
        // it includes are skipped), an older document with the newer document's empty change list would not be.
        write(root.resolve("changes.jsonl"), changes.toString());
        write(root.resolve("allowlist.etag"), held.etag() == null ? "" : held.etag());
        write(root.resolve("allowlist.jws"), held.compact());
    }

    Optional<Session> session() {
        return read(root.resolve("session.json")).map(json -> Session.fromJson(Json.parse(json)));
    }

    void session(Session session) {
        Path file = root.resolve("session.json");
        if (session == null) {
            delete(file);
        } else {
            write(file, Json.write(session.toJson()));
        }
    }

    static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes the whole file aside, synced, then moves it into place. */
    static void write(Path file, String content) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                              StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                              StandardOpenOption.SYNC);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
