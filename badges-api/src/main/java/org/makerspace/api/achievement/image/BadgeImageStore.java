package org.makerspace.api.achievement.image;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.makerspace.ledger.achievement.api.HostedImage;
import org.makerspace.ledger.storage.DurabilityBarrier;
import org.makerspace.ledger.storage.LedgerStorage;
import org.springframework.stereotype.Component;

/**
 * The uploaded badge images, in {@code badge_images}: one document per image, {@code _id} the SHA-256 of its bytes
 * (hex), with its format, media type, bytes and size in pixels. Content-addressed, so storing the same bytes again
 * finds them stored and changes nothing, and a document once written is never changed nor removed: whatever names an
 * image can rely on it for good.
 *
 * <p>Not a read model: nothing rebuilds it from the ledger, which only names the images. So every store waits for
 * the durability barrier before it returns, and the caller records the ledger's version naming the image only
 * after that: a crash between the two leaves an image nobody names, never a version naming a lost image.
 */
@Component
public class BadgeImageStore {

    static final String COLLECTION = "badge_images";

    private final MongoCollection<Document> images;
    private final DurabilityBarrier durability;

    BadgeImageStore(LedgerStorage storage) {
        this.images = storage.database().getCollection(COLLECTION);
        this.durability = storage.durability();
    }

    /** Stores the image, or finds it stored already; durable when it returns. */
    public void store(BadgeImage image) {
        Document document = new Document("_id", image.id().sha256())
                .append("format", image.format().extension())
                .append("mediaType", image.format().mediaType())
                .append("bytes", new Binary(image.bytes()))
                .append("width", image.width())
                .append("height", image.height());
        try {
            images.insertOne(document);
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // The same digest, so the same bytes: stored by an earlier (or a concurrent) upload.
        }
        // Also after a duplicate: a concurrent upload's insert may be visible to us before it is durable.
        durability.awaitDurable();
    }

    /** The image with its bytes; empty when no image of that digest and format was stored. */
    public Optional<BadgeImage> find(HostedImage image) {
        Document document = images.find(eq("_id", image.sha256())).first();
        if (document == null || !image.format().extension().equals(document.getString("format"))) {
            return Optional.empty();
        }
        byte[] bytes = document.get("bytes", Binary.class).getData();
        return Optional.of(new BadgeImage(image, bytes, document.getInteger("width", 0),
                                          document.getInteger("height", 0)));
    }

    /** Whether the image is stored, without reading its bytes. */
    public boolean isStored(HostedImage image) {
        Document document = images.find(eq("_id", image.sha256())).projection(Projections.include("format")).first();
        return document != null && image.format().extension().equals(document.getString("format"));
    }
}
