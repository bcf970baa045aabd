package org.makerspace.api.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.makerspace.ledger.storage.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory ({@code ledger.data-dir}) as the application keeps it: the embedded store's file, and in
 * {@code secrets/} the keys generated on first start when none is configured. What the application creates there is
 * its owner's alone ({@link OwnerOnlyFiles}: directories {@code 0700}, files {@code 0600}): the store holds every
 * member's personal data and account, the secrets decrypt the labs' signing keys and turn card UIDs into
 * fingerprints.
 *
 * <p>What already exists is checked, never changed: changing it would hide from the operator that it was open, and
 * only the operator can tell since when and to whom. Secrets open to other users refuse the start
 * ({@link SecretsExposed}): a key someone else may have read must be looked at before it signs or fingerprints
 * anything more. The rest of the directory (the directory itself, the store) only gets a warning: a lab upgraded from
 * a version that created them readable by everyone would otherwise not start, over data that has been as readable
 * all along; the warning names the fix.
 *
 * <p>Nothing is created or checked before it is needed: with a configured MongoDB and configured keys the directory
 * is not used at all.
 */
public final class DataDirectory {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
    static final String SECRETS = "secrets";

    private final Path root;
    private boolean rootReady;
    private boolean secretsChecked;

    public DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The directory, created owner-only if it does not exist; if it does, a warning for it and for each file in it
     * that other users may read or write.
     */
    public synchronized Path root() {
        if (!rootReady) {
            try {
                if (!OwnerOnlyFiles.createDirectories(root)) {
                    warnIfOpen(root);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create or read the data directory " + root, e);
            }
            rootReady = true;
        }
        return root;
    }

    /**
     * Where the secret of this name is kept ({@code secrets/<fileName>}), its directory created owner-only if it does
     * not exist. The first call checks the secrets already there, and this directory.
     *
     * @throws SecretsExposed if the directory or a file in it is open to other users
     */
    public synchronized Path secret(String fileName) {
        Path secrets = root().resolve(SECRETS);
        if (!secretsChecked) {
            try {
                if (!OwnerOnlyFiles.createDirectories(secrets)) {
                    refuseIfOpen(secrets);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create or read the secrets directory " + secrets, e);
            }
            secretsChecked = true;
        }
        return secrets.resolve(fileName);
    }

    private static void warnIfOpen(Path root) throws IOException {
        List<Path> open = new ArrayList<>();
        if (!OwnerOnlyFiles.openToOthers(root).isEmpty()) {
            open.add(root);
        }
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isRegularFile).filter(DataDirectory::openToOthers).forEach(open::add);
        }
        for (Path path : open) {
            log.warn("{} is open to other users of this machine ({}), in the data directory that holds the members' "
                     + "data. Restrict it to its owner: {}", path, OwnerOnlyFiles.describe(path), restrictCommand(path));
        }
    }

    private static void refuseIfOpen(Path secrets) throws IOException {
        List<Path> open;
        try (Stream<Path> everything = Files.walk(secrets)) {
            open = everything.filter(DataDirectory::openToOthers).toList();
        }
        if (!open.isEmpty()) {
            throw SecretsExposed.of(secrets, open);
        }
    }

    /** The command that makes {@code path} its owner's alone, ready to paste into a shell. */
    static String restrictCommand(Path path) {
        String word = path.toString();
        if (!word.matches("[A-Za-z0-9_./+:@%=,-]+")) {
            word = "'" + word.replace("'", "'\\''") + "'";
        }
        return (Files.isDirectory(path) ? "chmod 700 " : "chmod 600 ") + word;
    }

    private static boolean openToOthers(Path path) {
        try {
            return !OwnerOnlyFiles.openToOthers(path).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + path, e);
        }
    }
}
