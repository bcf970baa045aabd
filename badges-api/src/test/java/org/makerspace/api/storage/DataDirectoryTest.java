package org.makerspace.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DataDirectoryTest {

    @TempDir
    Path work;

    @Test
    void createsANewDataDirectoryAndItsSecretsForTheirOwnerOnly() throws IOException {
        Path root = work.resolve("srv/data");

        Path key = new DataDirectory(root).secret("master.key");

        assertThat(key).isEqualTo(root.resolve("secrets/master.key"));
        assertThat(permissions(work.resolve("srv"))).isEqualTo("rwx------");
        assertThat(permissions(root)).isEqualTo("rwx------");
        assertThat(permissions(root.resolve("secrets"))).isEqualTo("rwx------");
    }

    @Test
    void refusesASecretOthersCanReadNamingItAndTheFixAndLeavesItAsItIs() throws IOException {
        Path secrets = directory(work.resolve("data/secrets"), "rwx------");
        Path key = file(secrets.resolve("card-fingerprint.key"), "rw-r--r--");
        DataDirectory data = new DataDirectory(work.resolve("data"));

        assertThatThrownBy(() -> data.secret("master.key"))
                .isInstanceOf(SecretsExposed.class)
                .hasMessageContaining(key + " is rw-r--r--")
                .hasMessageContaining("chmod 600 " + key)
                .hasMessageContaining("treat that key as exposed");
        assertThat(permissions(key)).isEqualTo("rw-r--r--");
    }

    @Test
    void refusesASecretsDirectoryOthersCanList() throws IOException {
        Path secrets = directory(work.resolve("data/secrets"), "rwxr-xr-x");
        Path key = file(secrets.resolve("master.key"), "rw-------");
        DataDirectory data = new DataDirectory(work.resolve("data"));

        assertThatThrownBy(() -> data.secret("master.key"))
                .isInstanceOf(SecretsExposed.class)
                .hasMessageContaining(secrets + " is rwxr-xr-x")
                .hasMessageContaining("chmod 700 " + secrets)
                .hasMessageNotContaining(key.toString());
        assertThat(permissions(secrets)).isEqualTo("rwxr-xr-x");
    }

    @Test
    void warnsOfAnExistingDataDirectoryAndStoreOthersCanReadAndLeavesThemAsTheyAre(CapturedOutput output)
            throws IOException {
        Path root = directory(work.resolve("data"), "rwxr-xr-x");
        Path store = file(root.resolve("ledger.mv.db"), "rw-r--r--");

        new DataDirectory(root).root();

        assertThat(output).contains("WARN", "chmod 700 " + root, "chmod 600 " + store);
        assertThat(permissions(root)).isEqualTo("rwxr-xr-x");
        assertThat(permissions(store)).isEqualTo("rw-r--r--");
    }

    @Test
    void namesAPathWithASpaceAsAShellReadsIt() throws IOException {
        Path root = directory(work.resolve("lab's data"), "rwx------");

        assertThat(DataDirectory.restrictCommand(root)).isEqualTo("chmod 700 '" + work + "/lab'\\''s data'");
    }

    private static Path directory(Path path, String permissions) throws IOException {
        Files.createDirectories(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        return path;
    }

    private static Path file(Path path, String permissions) throws IOException {
        Files.writeString(path, "a key");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        return path;
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
