package org.makerspace.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.makerspace.api.testing.StandaloneApplications;

/**
 * The application as a lab runs it, on the embedded default: what its first start creates in the data directory (the
 * store, the generated keys) is its owner's alone, and a start on secrets that others may read is refused.
 */
class OwnerOnlyDataDirectoryIntegrationTest {

    private static final String DIRECTORY = "rwx------";
    private static final String FILE = "rw-------";

    @TempDir
    Path work;

    @Test
    void aFirstStartCreatesTheDataDirectoryTheStoreAndTheKeysForTheirOwnerOnly() {
        Path dataDir = work.resolve("data");

        try (StandaloneApplications applications = new StandaloneApplications(dataDir, "--server.port=0")) {
            applications.start(false);

            Map<String, String> created = permissionsUnder(dataDir);
            assertThat(created).containsEntry("", DIRECTORY)
                    .containsEntry("ledger.mv.db", FILE)
                    .containsEntry("secrets", DIRECTORY)
                    .containsEntry("secrets/master.key", FILE)
                    .containsEntry("secrets/card-fingerprint.key", FILE);
            assertThat(created).allSatisfy((path, permissions) -> assertThat(permissions).as(path).isIn(DIRECTORY, FILE));
        }
    }

    @Test
    void aStartWithACardKeyOthersCanReadIsRefusedNamingTheKeyAndTheFix() throws IOException {
        Path secrets = Files.createDirectories(work.resolve("data/secrets"));
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString(DIRECTORY));
        Files.setPosixFilePermissions(secrets.getParent(), PosixFilePermissions.fromString(DIRECTORY));
        Path key = Files.writeString(secrets.resolve("card-fingerprint.key"),
                                     Base64.getEncoder().encodeToString(new byte[32]));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        try (StandaloneApplications applications = new StandaloneApplications(work.resolve("data"),
                                                                               "--server.port=0")) {
            assertThatThrownBy(() -> applications.start(false))
                    .rootCause()
                    .isInstanceOf(SecretsExposed.class)
                    .hasMessageContaining(key.toString())
                    .hasMessageContaining("chmod 600 " + key);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-r--r--");
    }

    /** Each path under {@code root}, relative to it ({@code ""} for itself), with its permissions. */
    private static Map<String, String> permissionsUnder(Path root) {
        Map<String, String> permissions = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                permissions.put(root.relativize(path).toString(),
                                PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return permissions;
    }
}
