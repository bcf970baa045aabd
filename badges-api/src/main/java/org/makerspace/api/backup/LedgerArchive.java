package org.makerspace.api.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.bson.RawBsonDocument;
import org.makerspace.ledger.storage.LedgerStorage;

/**
 * A backup archive: a ZIP file with one entry per kept collection ({@code collections/<name>.bson}, its documents as
 * BSON one after another, as {@code mongodump} writes them) and {@code manifest.json} last. Everything goes through
 * the driver, so one archive restores into the embedded store or a replica set, whichever it came from.
 */
public final class LedgerArchive {

    static final String MANIFEST = "manifest.json";
    private static final String COLLECTIONS = "collections/";
    private static final String BSON = ".bson";
    private static final int BATCH = 500;
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final Clock clock;

    public LedgerArchive(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes every collection a restore needs to {@code out}; {@code copied} hears of each (name, documents). The
     * ledger is read first and what is written beside its facts after it (keys, images, personal data, accounts):
     * on a database that keeps running meanwhile, everything a copied fact needs is then in the archive too, and
     * at worst the archive holds a record whose fact came too late for it.
     */
    public BackupManifest write(LedgerStorage storage, OutputStream out, BiConsumer<String, Long> copied)
            throws IOException {
        MongoDatabase database = storage.database();
        Map<String, Long> counts = new LinkedHashMap<>();
        ZipOutputStream zip = new ZipOutputStream(out);
        for (String name : keptCollections(database)) {
            zip.putNextEntry(new ZipEntry(COLLECTIONS + name + BSON));
            long documents = 0;
            try (MongoCursor<RawBsonDocument> cursor = database.getCollection(name, RawBsonDocument.class)
                    .find().batchSize(BATCH).iterator()) {
                while (cursor.hasNext()) {
                    ByteBuffer bytes = cursor.next().getByteBuffer().asNIO();
                    zip.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                    documents++;
                }
            }
            zip.closeEntry();
            counts.put(name, documents);
            copied.accept(name, documents);
        }
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, clock.instant(),
                                                     database.getName(), counts);
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.finish();
        out.flush();
        return manifest;
    }

    /**
     * Restores an archive into a database that holds nothing yet, durably; {@code restored} hears of each collection.
     * The whole archive is read and checked against its manifest first, so that a damaged or truncated one is refused
     * before anything is written.
     *
     * @throws ArchiveRefused when the archive is not one of ours, is damaged, or the database is not empty
     */
    public BackupManifest restore(ZipFile archive, LedgerStorage storage, BiConsumer<String, Long> restored)
            throws IOException {
        BackupManifest manifest = check(archive);
        MongoDatabase database = storage.database();
        List<String> holding = new ArrayList<>();
        for (String name : database.listCollectionNames()) {
            if (database.getCollection(name).estimatedDocumentCount() > 0) {
                holding.add(name);
            }
        }
        if (!holding.isEmpty()) {
            throw new ArchiveRefused("the database already holds data (" + String.join(", ", holding)
                                     + "): restore into an empty one, a fresh data directory for the embedded store");
        }
        for (Map.Entry<String, Long> collection : manifest.collections().entrySet()) {
            MongoCollection<RawBsonDocument> target = database.getCollection(collection.getKey(),
                                                                               RawBsonDocument.class);
            List<RawBsonDocument> batch = new ArrayList<>(BATCH);
            try (InputStream in = entry(archive, collection.getKey())) {
                for (RawBsonDocument document : (Iterable<RawBsonDocument>) documents(in)::iterator) {
                    batch.add(document);
                    if (batch.size() == BATCH) {
                        target.insertMany(batch);
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                target.insertMany(batch);
            }
            restored.accept(collection.getKey(), collection.getValue());
        }
        storage.durability().awaitDurable();
        return manifest;
    }

    /** Reads the whole archive: every entry's documents, counted against the manifest. */
    public static BackupManifest check(ZipFile archive) throws IOException {
        ZipEntry manifestEntry = archive.getEntry(MANIFEST);
        if (manifestEntry == null) {
            throw new ArchiveRefused("no " + MANIFEST + ": not a backup of this application, or cut short");
        }
        BackupManifest manifest;
        try (InputStream in = archive.getInputStream(manifestEntry)) {
            manifest = JSON.readValue(in, BackupManifest.class);
        }
        if (manifest.format() != BackupManifest.FORMAT) {
            throw new ArchiveRefused("archive format " + manifest.format() + ", this version reads "
                                     + BackupManifest.FORMAT);
        }
        for (Map.Entry<String, Long> collection : manifest.collections().entrySet()) {
            long found;
            try (InputStream in = entry(archive, collection.getKey()); Stream<RawBsonDocument> read = documents(in)) {
                found = read.count();
            }
            if (found != collection.getValue()) {
                throw new ArchiveRefused(collection.getKey() + " holds " + found + " documents, the manifest says "
                                         + collection.getValue());
            }
        }
        return manifest;
    }

    /** The ledger first, then the rest by name; collections a restore rebuilds or starts afresh are left out. */
    private static List<String> keptCollections(MongoDatabase database) {
        List<String> kept = new ArrayList<>();
        database.listCollectionNames().forEach(name -> {
            if (StoredData.of(name) == StoredData.Kind.KEPT) {
                kept.add(name);
            }
        });
        kept.sort((a, b) -> a.equals(b) ? 0 : a.equals("event_commits") ? -1 : b.equals("event_commits") ? 1
                : a.compareTo(b));
        return kept;
    }

    private static InputStream entry(ZipFile archive, String collection) throws IOException {
        ZipEntry entry = archive.getEntry(COLLECTIONS + collection + BSON);
        if (entry == null) {
            throw new ArchiveRefused("the manifest names " + collection + ", the archive does not hold it");
        }
        return new BufferedInputStream(archive.getInputStream(entry));
    }

    /** The BSON documents of one entry, each prefixed by its own length (little-endian, the length included). */
    private static Stream<RawBsonDocument> documents(InputStream in) {
        DataInputStream data = new DataInputStream(in);
        return Stream.generate(() -> next(data)).takeWhile(document -> document != null);
    }

    private static RawBsonDocument next(DataInputStream in) {
        try {
            byte[] length = new byte[4];
            int read = in.readNBytes(length, 0, 4);
            if (read == 0) {
                return null;
            }
            if (read < 4) {
                throw new EOFException("a document cut short");
            }
            int size = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (size < 5) {
                throw new ArchiveRefused("a document of " + size + " bytes");
            }
            byte[] document = new byte[size];
            System.arraycopy(length, 0, document, 0, 4);
            in.readFully(document, 4, size - 4);
            return new RawBsonDocument(document);
        } catch (IOException e) {
            throw new ArchiveRefused("the archive is damaged: " + e.getMessage());
        }
    }
}
