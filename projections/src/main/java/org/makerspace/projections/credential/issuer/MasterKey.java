package org.makerspace.projections.credential.issuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.makerspace.ledger.storage.OwnerOnlyFiles;

/**
 * The 256-bit key that encrypts the labs' private keys at rest. The application reads it from configuration
 * ({@link #fromBase64}) or, on the embedded default, from a key file in the data directory ({@link #loadOrCreate}).
 * It is never stored in the database and {@link #toString()} never shows it.
 */
public record MasterKey(byte[] bytes) {

    public static final int LENGTH = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final SecureRandom RANDOM = new SecureRandom();

    public MasterKey {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("a master key has 32 bytes, not " + (bytes == null ? 0 : bytes.length));
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** A master key given in configuration as base64 of 32 bytes. */
    public static MasterKey fromBase64(String base64) {
        try {
            return new MasterKey(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the configured master key is not base64 of 32 bytes", e);
        }
    }

    public static MasterKey generate() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.nextBytes(bytes);
        return new MasterKey(bytes);
    }

    /**
     * The master key in {@code file} (32 raw bytes), created with owner-only permissions (a missing directory too) if
     * it does not exist. An existing file that its group or others may read is refused rather than used: the key may
     * already be exposed.
     */
    public static MasterKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            requireOwnerOnly(file);
            return new MasterKey(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the master key file " + file + " does not hold 32 bytes", e);
        }
    }

    private static void create(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        OwnerOnlyFiles.createDirectories(directory);
        Path temporary = posix(directory)
                ? Files.createTempFile(directory, ".master-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, ".master-key", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(generate().bytes));
                channel.force(true);
            }
            // A hard link never replaces an existing file: of two processes starting at once, the first wins and
            // the second reads the winner's key instead of overwriting a key that may already be in use.
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException e) {
            // Someone else created it first; theirs is the key.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        if (!posix(file)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IllegalStateException("the master key file " + file + " has permissions "
                                            + PosixFilePermissions.toString(permissions)
                                            + ": restrict it to its owner (chmod 600) and consider the key exposed");
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MasterKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "MasterKey[(hidden)]";
    }
}
