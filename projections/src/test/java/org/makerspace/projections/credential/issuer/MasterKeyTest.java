package org.makerspace.projections.credential.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

    @TempDir
    Path dataDirectory;

    @Test
    void createsA32ByteKeyFileOnlyItsOwnerCanRead() throws Exception {
        Path file = dataDirectory.resolve("keys/master.key");

        MasterKey.loadOrCreate(file);

        assertThat(Files.size(file)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void createsTheMissingDirectoryOfItsKeyFileForItsOwnerOnly() throws Exception {
        Path file = dataDirectory.resolve("secrets/master.key");

        MasterKey.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void readsTheSameKeyOnEveryStart() {
        Path file = dataDirectory.resolve("master.key");

        assertThat(MasterKey.loadOrCreate(file)).isEqualTo(MasterKey.loadOrCreate(file));
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws Exception {
        Path file = dataDirectory.resolve("master.key");
        MasterKey.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> MasterKey.loadOrCreate(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void refusesAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not base64 of 32 bytes");
    }

    @Test
    void neverShowsItsBytes() {
        MasterKey key = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));

        assertThat(key.toString()).isEqualTo("MasterKey[(hidden)]");
    }
}
