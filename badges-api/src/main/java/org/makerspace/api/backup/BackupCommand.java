package org.makerspace.api.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.makerspace.api.storage.LedgerProperties;
import org.makerspace.api.storage.StandaloneStorage;
import org.makerspace.api.storage.StoreInUse;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.storage.OwnerOnlyFiles;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar badges-api.jar backup <archive> [--setting=value …]} and {@code restore <archive> […]}: the
 * storage alone is started with the application's settings (no processor, no web server), and the archive written
 * or restored. With the embedded store the application must be stopped (one process at a time opens its file);
 * with a MongoDB replica set a backup runs beside the nodes, a restore goes into an empty database.
 *
 * <p>Exit codes: 0 done; 2 refused (a damaged archive, a database that is not empty, an archive already there);
 * 3 the embedded store is in use; 64 a usage error.
 */
public final class BackupCommand {

    public static final String BACKUP = "backup";
    public static final String RESTORE = "restore";
    static final int DONE = 0;
    static final int REFUSED = 2;
    static final int STORE_IN_USE = 3;
    static final int USAGE = 64;

    private BackupCommand() {
    }

    /** Runs {@code backup} or {@code restore} with the arguments that follow it; returns the exit code. */
    public static int run(String verb, String[] args, PrintStream out) {
        List<String> settings = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--") ? settings : files).add(arg);
        }
        if (files.size() != 1 || !(verb.equals(BACKUP) || verb.equals(RESTORE))) {
            out.println("usage: java -jar badges-api.jar backup|restore <archive.zip> [--ledger.data-dir=…] "
                        + "[--ledger.mongodb.uri=…]");
            return USAGE;
        }
        Path archive = Path.of(files.get(0)).toAbsolutePath();
        if (verb.equals(BACKUP) && Files.exists(archive)) {
            out.println("Refused: " + archive + " exists; a backup never overwrites one.");
            return REFUSED;
        }
        if (verb.equals(RESTORE) && !Files.isRegularFile(archive)) {
            out.println("Refused: no archive at " + archive + ".");
            return REFUSED;
        }
        settings.add("--spring.main.banner-mode=off");
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(StandaloneStorage.class).web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(settings.toArray(String[]::new));
        } catch (RuntimeException e) {
            if (StoreInUse.causedBy(e)) {
                out.println("The embedded store is in use by a running application: stop it, then " + verb + ".");
                return STORE_IN_USE;
            }
            throw e;
        }
        try (context) {
            LedgerStorage storage = context.getBean(LedgerStorage.class);
            Path dataDir = context.getBean(LedgerProperties.class).dataDir().toAbsolutePath();
            BiConsumer<String, Long> progress = (collection, documents) ->
                    out.printf("%s: %,d documents%n", collection, documents);
            LedgerArchive archives = new LedgerArchive(Clock.systemUTC());
            if (verb.equals(BACKUP)) {
                BackupManifest manifest = backup(archives, storage, archive, progress);
                out.printf("Backup written to %s: %,d collections, %,d documents.%n", archive,
                           manifest.collections().size(), manifest.documents());
                out.println("The secrets are not in it: keep " + dataDir.resolve("secrets")
                            + " (or the configured ledger.openbadges.master-key and ledger.card-fingerprint-key) "
                            + "apart from it; a restore needs both.");
                return DONE;
            }
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                BackupManifest manifest = archives.restore(zip, storage, progress);
                out.printf("Restored %,d documents of %,d collections, backed up at %s.%n", manifest.documents(),
                           manifest.collections().size(), manifest.takenAt());
                out.println("Before starting: put the secrets back (" + dataDir.resolve("secrets")
                            + ", or the same configured keys). The first start rebuilds every read model from the "
                            + "ledger; everyone logs in again.");
                return DONE;
            } catch (ZipException | ArchiveRefused e) {
                out.println("Refused: " + e.getMessage());
                return REFUSED;
            }
        } catch (IOException e) {
            out.println("Failed: " + e);
            return REFUSED;
        }
    }

    /**
     * Writes beside the archive's name first and moves it into place once whole and on disk, so that a backup cut
     * short is never taken for one. The archive is its owner's alone, as the store it copies is: it holds every
     * member's personal data and account.
     */
    private static BackupManifest backup(LedgerArchive archives, LedgerStorage storage, Path archive,
                                         BiConsumer<String, Long> progress) throws IOException {
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        // One left by a backup cut short is ours, and would keep its permissions if written over: made anew instead.
        Files.deleteIfExists(partial);
        if (!OwnerOnlyFiles.createFile(partial)) {
            throw new FileAlreadyExistsException(partial.toString(), null, "another backup is writing it");
        }
        BackupManifest manifest;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial, StandardOpenOption.WRITE))) {
            manifest = archives.write(storage, out, progress);
        }
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
        return manifest;
    }
}
