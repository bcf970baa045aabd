package org.makerspace.ledger.storage;

import static java.nio.file.attribute.PosixFilePermission.GROUP_READ;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {

    @TempDir
    Path work;

    @Test
    void createsAMissingDirectoryAndItsMissingParentsForTheirOwnerOnly() throws IOException {
        Path directory = work.resolve("srv/ledger/data");

        boolean created = OwnerOnlyFiles.createDirectories(directory);

        assertThat(created).isTrue();
        assertThat(permissions(work.resolve("srv"))).isEqualTo("rwx------");
        assertThat(permissions(work.resolve("srv/ledger"))).isEqualTo("rwx------");
        assertThat(permissions(directory)).isEqualTo("rwx------");
    }

    @Test
    void leavesAnExistingDirectoryAsItFindsIt() throws IOException {
        Path directory = Files.createDirectory(work.resolve("data"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));

        boolean created = OwnerOnlyFiles.createDirectories(directory);

        assertThat(created).isFalse();
        assertThat(permissions(directory)).isEqualTo("rwxr-xr-x");
    }

    @Test
    void createsAFileForItsOwnerOnlyWhateverTheUmask() throws IOException {
        Path file = work.resolve("ledger.mv.db");

        boolean created = OwnerOnlyFiles.createFile(file);

        assertThat(created).isTrue();
        assertThat(permissions(file)).isEqualTo("rw-------");
    }

    @Test
    void leavesAnExistingFileAndWhatItHolds() throws IOException {
        Path file = Files.writeString(work.resolve("master.key"), "kept");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        boolean created = OwnerOnlyFiles.createFile(file);

        assertThat(created).isFalse();
        assertThat(file).hasContent("kept");
        assertThat(permissions(file)).isEqualTo("rw-r--r--");
    }

    @Test
    void tellsWhatOpensAPathToOtherUsersButExecuteAlone() throws IOException {
        Path file = Files.createFile(work.resolve("secret"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x-wx"));

        assertThat(OwnerOnlyFiles.openToOthers(file)).containsExactlyInAnyOrder(GROUP_READ, OTHERS_WRITE);
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
