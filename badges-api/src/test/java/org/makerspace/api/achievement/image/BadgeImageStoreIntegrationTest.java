package org.makerspace.api.achievement.image;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.api.testing.TestImages.png;
import static org.makerspace.api.testing.TestImages.svgBadge;
import static org.makerspace.api.testing.TestImages.utf8;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.achievement.api.HostedImage;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.testing.TestMongo;
import org.springframework.util.unit.DataSize;

/**
 * The image store on the test MongoDB, through the real driver, with the server's own durability barrier wrapped so
 * the test sees when it is called: an image is durable before {@code store} returns, every time.
 */
class BadgeImageStoreIntegrationTest {

    private final LedgerStorage fresh = TestMongo.server().freshStorage("badge_images");
    /** For each call of the barrier: whether the images stored so far were all visible when it was called. */
    private final List<Long> imagesAtBarrier = new ArrayList<>();
    private final LedgerStorage storage = new LedgerStorage(fresh.client(), fresh.database(), () -> {
        imagesAtBarrier.add(fresh.database().getCollection(BadgeImageStore.COLLECTION).countDocuments());
        fresh.durability().awaitDurable();
    });
    private final BadgeImageStore store = new BadgeImageStore(storage);

    @Test
    void anImageIsWrittenThenMadeDurableBeforeStoreReturns() {
        BadgeImage image = PngCheck.check(png(64, 64, 1), limits());

        store.store(image);

        assertThat(imagesAtBarrier).containsExactly(1L);
    }

    @Test
    void theSameBytesStoredAgainAreOneImageAndStillAwaitDurability() {
        BadgeImage image = SvgCheck.check(utf8(svgBadge(2)));

        store.store(image);
        store.store(SvgCheck.check(utf8(svgBadge(2))));

        assertThat(fresh.database().getCollection(BadgeImageStore.COLLECTION)
                           .countDocuments(eq("_id", image.id().sha256()))).isEqualTo(1);
        assertThat(imagesAtBarrier).containsExactly(1L, 1L);
    }

    @Test
    void aStoredImageIsFoundWithItsExactBytesAndSize() {
        byte[] bytes = png(96, 80, 3);
        BadgeImage image = PngCheck.check(bytes, limits());
        store.store(image);

        BadgeImage found = store.find(image.id()).orElseThrow();

        assertThat(found.bytes()).isEqualTo(bytes);
        assertThat(found.width()).isEqualTo(96);
        assertThat(found.height()).isEqualTo(80);
        assertThat(store.isStored(image.id())).isTrue();
    }

    @Test
    void anImageIsNotFoundUnderAnotherFormatNorAnotherDigest() {
        BadgeImage image = PngCheck.check(png(64, 64, 4), limits());
        store.store(image);
        HostedImage asSvg = new HostedImage(image.id().sha256(), HostedImage.Format.SVG);
        HostedImage other = new HostedImage("f".repeat(64), HostedImage.Format.PNG);

        assertThat(store.find(asSvg)).isEmpty();
        assertThat(store.isStored(asSvg)).isFalse();
        assertThat(store.find(other)).isEmpty();
        assertThat(store.isStored(other)).isFalse();
    }

    private static BadgeImageProperties limits() {
        return new BadgeImageProperties(DataSize.ofKilobytes(512), DataSize.ofKilobytes(128), 64, 2048);
    }
}
