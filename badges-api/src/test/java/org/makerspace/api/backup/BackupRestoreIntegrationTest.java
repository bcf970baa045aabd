package org.makerspace.api.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.makerspace.api.testing.LabHistory.access;
import static org.makerspace.api.testing.LabHistory.awaitEveryProcessorCaughtUp;
import static org.makerspace.api.testing.LabHistory.client;
import static org.makerspace.api.testing.StandaloneApplications.ADMIN;
import static org.makerspace.api.testing.StandaloneApplications.ADMIN_PASSWORD;
import static org.makerspace.api.testing.StandaloneApplications.PASSWORD;
import static org.makerspace.api.testing.StandaloneApplications.login;

import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.makerspace.api.testing.ApiClient;
import org.makerspace.api.testing.ChildApplication;
import org.makerspace.api.testing.LabHistory.History;
import org.makerspace.api.testing.LabHistory;
import org.makerspace.api.testing.Reply;
import org.makerspace.api.testing.StandaloneApplications;
import org.makerspace.api.testing.StoredCollections;
import org.makerspace.ledger.storage.LedgerStorage;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The backup procedures of {@code docs/operations.md}, followed as an operator would on a lab with a history (the
 * demo lab, a lab of the test's with a card, a machine key, sessions, a suspension lifted, a machine's decision):
 * each backup restored into a fresh data directory gives back every fact, account and credential, and the lab
 * works on it (logins, the card at the machine, the credentials verify).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIntegrationTest {

    /** Compared by themselves below (the ledger's decisions) or worth nothing after a restore. */
    private static final Set<String> NOT_COMPARED = Set.of("processor_tokens", "access_tokens", "event_snapshots");

    @TempDir
    static Path work;

    private Path original;
    private Map<String, List<String>> before;
    private Set<String> collections;
    private History history;
    private final List<StandaloneApplications> started = new ArrayList<>();

    @BeforeAll
    void aLabWithAHistoryThenStopped() {
        original = work.resolve("original");
        StandaloneApplications applications = applications(original, "--ledger.demo.enabled=true",
                                                           "--ledger.demo.password=" + PASSWORD);
        ConfigurableApplicationContext context = applications.start(true);
        ApiClient api = client(context);
        String platform = login(api, ADMIN, ADMIN_PASSWORD);
        history = LabHistory.recordHistory(api, platform);
        // The reinstatement the history ends with reaches machine access once its processor has read it.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                access(api, history.machineKey()).text("decision")).isEqualTo("granted"));
        MongoDatabase database = context.getBean(LedgerStorage.class).database();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                database.getCollection("access_decisions").countDocuments() > 0);
        awaitEveryProcessorCaughtUp(api, platform);
        before = StoredCollections.documents(database, NOT_COMPARED);
        collections = Set.copyOf(database.listCollectionNames().into(new ArrayList<>()));
        applications.close();
    }

    @AfterEach
    void stopWhatRuns() {
        started.forEach(StandaloneApplications::close);
        started.clear();
    }

    @AfterAll
    void stopAll() {
        stopWhatRuns();
    }

    @Test
    void everyCollectionTheApplicationWritesIsClassifiedForBackups() {
        assertThat(collections).isNotEmpty()
                .allSatisfy(name -> assertThat(StoredData.known(name)).as("%s is named in StoredData", name).isTrue());
        assertThat(collections).contains("event_commits", "accounts", "member_directory", "machine_keys",
                                         "issuer_keys", "issued_credentials", "access_decisions");
    }

    /**
     * The embedded store's procedure: stop the application, copy the data directory (the store and its secrets),
     * start on the copy.
     */
    @Test
    void aCopyOfTheStoppedDataDirectoryIsAWholeBackup() throws IOException {
        Path copy = work.resolve("copied");
        copyTree(original, copy);

        ConfigurableApplicationContext restored = applications(copy).start(false);

        assertThatTheLabIsBack(restored);
    }

    /**
     * The command's procedure, for the embedded store and a replica set alike: {@code backup} (here through the
     * application's real entry point), then {@code restore} into a fresh data directory, the secrets put back, and a
     * first start that rebuilds every read model from the restored ledger.
     */
    @Test
    void theBackupCommandsArchiveRestoresIntoAFreshDataDirectory() throws Exception {
        Path archive = work.resolve("backup.zip");
        ChildApplication.Finished backup = ChildApplication.runToEnd(List.of(
                BackupCommand.BACKUP, archive.toString(), "--ledger.mongodb.uri=", "--ledger.data-dir=" + original));
        assertThat(backup.exitCode()).as(backup.output()).isEqualTo(BackupCommand.DONE);
        assertThat(backup.output()).containsPattern("event_commits: [\\d,]+ documents")
                .contains("Backup written to", "The secrets are not in it");
        try (ZipFileNames names = ZipFileNames.of(archive)) {
            assertThat(names.entries()).contains("manifest.json", "collections/event_commits.bson",
                                                 "collections/accounts.bson", "collections/issuer_keys.bson")
                    .doesNotContain("collections/issued_credentials.bson", "collections/processor_tokens.bson");
        }
        Path fresh = work.resolve("restored");

        Run restore = restore(archive, fresh);
        copyTree(original.resolve("secrets"), fresh.resolve("secrets"));
        ConfigurableApplicationContext restored = applications(fresh).start(false);

        assertThat(restore.exitCode()).as(restore.output()).isEqualTo(BackupCommand.DONE);
        assertThat(restore.output()).contains("Restored", "put the secrets back");
        assertThatTheLabIsBack(restored);
    }

    /** An archive holds every member's personal data and account, as the store does: it is its owner's alone. */
    @Test
    void theBackupArchiveIsReadableByItsOwnerOnlyEvenOverAPartialOneLeftBehind() throws IOException {
        Path archive = work.resolve("owner-only.zip");
        Path leftBehind = Files.writeString(archive.resolveSibling("owner-only.zip.partial"), "cut short");
        Files.setPosixFilePermissions(leftBehind, PosixFilePermissions.fromString("rw-r--r--"));

        Run backup = backup(archive, original);

        assertThat(backup.exitCode()).as(backup.output()).isEqualTo(BackupCommand.DONE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-------");
    }

    @Test
    void aRestoreIntoADatabaseThatHoldsDataOrFromADamagedArchiveIsRefusedAndWritesNothing() throws Exception {
        Path archive = work.resolve("refusals.zip");
        assertThat(ChildApplication.runToEnd(List.of(BackupCommand.BACKUP, archive.toString(),
                                                     "--ledger.mongodb.uri=", "--ledger.data-dir=" + original))
                           .exitCode()).isEqualTo(BackupCommand.DONE);
        Path damaged = work.resolve("damaged.zip");
        byte[] whole = Files.readAllBytes(archive);
        Files.write(damaged, Arrays.copyOf(whole, whole.length * 2 / 3));
        Path empty = work.resolve("empty-target");

        Run intoOriginal = restore(archive, original);
        Run fromDamaged = restore(damaged, empty);
        Run again = backup(archive, original);

        assertThat(intoOriginal.exitCode()).isEqualTo(BackupCommand.REFUSED);
        assertThat(intoOriginal.output()).contains("already holds data");
        assertThat(fromDamaged.exitCode()).isEqualTo(BackupCommand.REFUSED);
        assertThat(again.exitCode()).as("an existing archive is never overwritten").isEqualTo(BackupCommand.REFUSED);
        ConfigurableApplicationContext stillEmpty = applications(empty).start(true);
        assertThat(stillEmpty.getBean(LedgerStorage.class).database().getCollection("event_commits")
                           .countDocuments()).isZero();
    }

    @Test
    void theEmbeddedStoreOfARunningApplicationIsNotBackedUp() {
        Path copy = work.resolve("running");
        copyTree(original, copy);
        applications(copy).start(false);

        Run refused = backup(work.resolve("while-running.zip"), copy);

        assertThat(refused.exitCode()).isEqualTo(BackupCommand.STORE_IN_USE);
        assertThat(refused.output()).contains("stop it, then backup");
        assertThat(work.resolve("while-running.zip")).doesNotExist();
    }

    // ----------------------------------------------------------------

    /** Every fact, account, personal record, key, image and decision; every read model rebuilt; the lab at work. */
    private void assertThatTheLabIsBack(ConfigurableApplicationContext restored) {
        ApiClient api = client(restored);
        String platform = login(api, ADMIN, ADMIN_PASSWORD);
        awaitEveryProcessorCaughtUp(api, platform);
        MongoDatabase database = restored.getBean(LedgerStorage.class).database();
        assertThat(StoredCollections.documents(database, NOT_COMPARED)).isEqualTo(before);
        for (String username : List.of("demo-admin", "demo-trainer-1", "demo-learner-1", LabHistory.LAB + "-tom")) {
            login(api, username, PASSWORD);
        }
        Reply atTheMachine = access(api, history.machineKey());
        assertThat(atTheMachine.text("decision"))
                .as("the card at the machine, with its key, once machine access replayed the restored ledger: %s",
                    atTheMachine.body())
                .isEqualTo("granted");
        List<String> awards = database.getCollection("issued_credentials").find()
                .map(document -> document.getString("_id")).into(new ArrayList<>());
        assertThat(awards).isNotEmpty();
        String credential = api.get("/ob3/credentials/" + awards.get(0), null).body().toString();
        Reply verified = api.send(HttpMethod.POST, "/api/verify", null, MediaType.valueOf("application/vc+ld+json"),
                                  credential);
        assertThat(verified.body().path("verified").asBoolean()).as("%s", verified.body()).isTrue();
    }

    private StandaloneApplications applications(Path dataDir, String... extra) {
        List<String> settings = new ArrayList<>(List.of("--server.port=0"));
        settings.addAll(List.of(extra));
        StandaloneApplications applications = new StandaloneApplications(dataDir, settings.toArray(String[]::new));
        started.add(applications);
        return applications;
    }

    private record Run(int exitCode, String output) {
    }

    private static Run restore(Path archive, Path dataDir) {
        return command(BackupCommand.RESTORE, archive, dataDir);
    }

    private static Run backup(Path archive, Path dataDir) {
        return command(BackupCommand.BACKUP, archive, dataDir);
    }

    private static Run command(String verb, Path archive, Path dataDir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = BackupCommand.run(verb, new String[] {archive.toString(), "--ledger.mongodb.uri=",
                                                         "--ledger.data-dir=" + dataDir},
                                     new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    /** As {@code cp -a} copies, permissions included: secrets that others may read refuse a start. */
    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entry names of a ZIP file. */
    private record ZipFileNames(ZipFile zip) implements AutoCloseable {

        static ZipFileNames of(Path file) throws IOException {
            return new ZipFileNames(new ZipFile(file.toFile()));
        }

        List<String> entries() {
            return zip.stream().map(ZipEntry::getName).toList();
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
