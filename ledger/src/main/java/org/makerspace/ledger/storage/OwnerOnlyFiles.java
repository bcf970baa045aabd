package org.makerspace.ledger.storage;

import static java.nio.file.attribute.PosixFilePermission.GROUP_READ;
import static java.nio.file.attribute.PosixFilePermission.GROUP_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_READ;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Directories and files that hold the ledger or its secrets, created for their owner alone (directories
 * {@code rwx------}, files {@code rw-------}), and the permissions that open an existing one to other local users.
 *
 * <p>The permissions are given when the file is created, not set afterwards, so that there is no moment when another
 * user could open it; they are then set once more because the process's umask may have taken bits away from what was
 * asked (never added any). Only what this class creates is changed: whether an existing file may stay as it is, is
 * the caller's decision. On a file system without POSIX permissions (a Windows volume, some network mounts) files are
 * created as that file system makes them, and nothing is reported open.
 */
public final class OwnerOnlyFiles {

    private static final Logger log = LoggerFactory.getLogger(OwnerOnlyFiles.class);
    private static final Set<PosixFilePermission> DIRECTORY = EnumSet.of(OWNER_READ, OWNER_WRITE, OWNER_EXECUTE);
    private static final Set<PosixFilePermission> FILE = EnumSet.of(OWNER_READ, OWNER_WRITE);
    /** What lets another user read or change it; execute alone reveals nothing a file's own permissions do not. */
    private static final Set<PosixFilePermission> OPEN_TO_OTHERS =
            EnumSet.of(GROUP_READ, GROUP_WRITE, OTHERS_READ, OTHERS_WRITE);

    private OwnerOnlyFiles() {
    }

    /**
     * Creates {@code directory} and any missing parent, each owner-only. Existing ones are left as they are.
     *
     * @return whether {@code directory} itself was created now
     */
    public static boolean createDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path path = absolute; path != null && !Files.exists(path); path = path.getParent()) {
            missing.push(path);
        }
        boolean created = false;
        while (!missing.isEmpty()) {
            created = createDirectory(missing.pop());
        }
        return created;
    }

    /**
     * Creates the empty {@code file}, owner-only, unless it exists (its directory must exist).
     *
     * @return whether it was created now
     */
    public static boolean createFile(Path file) throws IOException {
        try {
            if (!posix(file)) {
                Files.createFile(file);
                return true;
            }
            Files.createFile(file, ownerOnly(FILE));
            Files.setPosixFilePermissions(file, FILE);
            return true;
        } catch (FileAlreadyExistsException alreadyThere) {
            return false;
        }
    }

    /** The permissions that let a group or others read or write {@code path}; none on a non-POSIX file system. */
    public static Set<PosixFilePermission> openToOthers(Path path) throws IOException {
        if (!posix(path)) {
            return Set.of();
        }
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(Files.getPosixFilePermissions(path));
        open.retainAll(OPEN_TO_OTHERS);
        return open;
    }

    /** {@code path}'s permissions as {@code ls -l} shows them ({@code rwxr-xr-x}), for a message. */
    public static String describe(Path path) throws IOException {
        return posix(path) ? PosixFilePermissions.toString(Files.getPosixFilePermissions(path)) : "(no POSIX permissions)";
    }

    private static boolean createDirectory(Path directory) throws IOException {
        try {
            if (!posix(directory)) {
                Files.createDirectory(directory);
                return true;
            }
            Files.createDirectory(directory, ownerOnly(DIRECTORY));
            Files.setPosixFilePermissions(directory, DIRECTORY);
            return true;
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // By another process starting at the same time, or a file of that name, which the caller will trip over.
            return false;
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }

    private static boolean posix(Path path) {
        boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!posix) {
            log.debug("No POSIX permissions on the file system of {}: left as that file system makes them", path);
        }
        return posix;
    }
}
