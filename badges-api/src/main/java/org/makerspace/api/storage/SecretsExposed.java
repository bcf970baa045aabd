package org.makerspace.api.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.makerspace.ledger.storage.OwnerOnlyFiles;

/**
 * A start refused because the secrets directory, or a secret in it, is open to other users of the machine. The
 * message names each path, its permissions and the command that restricts it; the application does not run that
 * command itself, so that whoever runs it learns the secrets were open.
 */
public final class SecretsExposed extends IllegalStateException {

    private final String exposure;
    private final String fix;

    private SecretsExposed(String exposure, String fix) {
        super(exposure + " " + fix);
        this.exposure = exposure;
        this.fix = fix;
    }

    static SecretsExposed of(Path secrets, List<Path> open) throws IOException {
        List<String> found = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (Path path : open) {
            found.add(path + " is " + OwnerOnlyFiles.describe(path));
            commands.add(DataDirectory.restrictCommand(path));
        }
        return new SecretsExposed(
                "The secrets in " + secrets + " are open to other users of this machine: " + String.join(", ", found)
                + ".",
                "Restrict them to their owner (" + String.join("; ", commands) + ") and start again. A key file others "
                + "could read may have been copied: treat that key as exposed.");
    }

    /** What is open, path by path. */
    public String exposure() {
        return exposure;
    }

    /** The commands that restrict it, and what to think of a key that was readable. */
    public String fix() {
        return fix;
    }
}
