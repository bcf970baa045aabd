package org.makerspace.api.achievement.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.makerspace.api.baking.BadgeImageException;
import org.makerspace.api.baking.NotBakedException;
import org.makerspace.api.baking.PngBaking;
import org.makerspace.ledger.achievement.api.HostedImage;

/**
 * Accepts a PNG as a badge image only if every credential of the achievement can be baked into it and every viewer can
 * show it: sound chunks (what baking copies, CRCs checked), nothing after {@code IEND}, no Open Badges data already
 * baked in, a size within bounds and close to square (badges are shown in square slots), and pixel data that decodes.
 */
final class PngCheck {

    /** The longer side may be at most this many times the shorter: 5:4 still looks right in a square slot. */
    static final double MAX_ASPECT_RATIO = 1.25;

    private static final int SIGNATURE_LENGTH = 8;

    private PngCheck() {
    }

    static BadgeImage check(byte[] png, BadgeImageProperties limits) {
        if (!PngBaking.isPng(png)) {
            throw ImageRefused.invalid("the body is not a PNG image: it does not start with the PNG signature");
        }
        requireSoundChunksWithoutBadgeData(png);
        requireNothingAfterEnd(png);
        int[] size = sizeFromHeader(png);
        requireSize(size[0], size[1], limits);
        decode(png);
        return BadgeImage.of(HostedImage.Format.PNG, png, size[0], size[1]);
    }

    /** Baking's own reading of the chunks: what it would refuse later when baking a credential, is refused now. */
    private static void requireSoundChunksWithoutBadgeData(byte[] png) {
        try {
            PngBaking.extract(png);
        } catch (NotBakedException expected) {
            return;
        } catch (BadgeImageException e) {
            throw ImageRefused.invalid(e.getMessage());
        }
        throw ImageRefused.invalid("the PNG image already carries Open Badges data (it is a baked badge): upload the "
                                   + "image without it");
    }

    /**
     * Bytes after {@code IEND} are not part of the image, and no viewer shows them: they would only be a place to hide
     * another file in the image we serve. The chunks were read soundly before, so their lengths can be trusted here.
     */
    private static void requireNothingAfterEnd(byte[] png) {
        ByteBuffer in = ByteBuffer.wrap(png);
        int position = SIGNATURE_LENGTH;
        while (true) {
            int length = in.getInt(position);
            String type = new String(png, position + 4, 4, StandardCharsets.ISO_8859_1);
            position += 12 + length;
            if (type.equals("IEND")) {
                break;
            }
        }
        if (position != png.length) {
            throw ImageRefused.invalid("the PNG image has " + (png.length - position) + " bytes after its IEND chunk");
        }
    }

    /** The size the header announces, read before any pixel is: a small file may announce a huge image. */
    private static int[] sizeFromHeader(byte[] png) {
        ImageReader reader = pngReader();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in, true, true);
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
        } catch (IOException | RuntimeException e) {
            throw ImageRefused.invalid("the PNG image's header cannot be read: " + e.getMessage());
        } finally {
            reader.dispose();
        }
    }

    private static void requireSize(int width, int height, BadgeImageProperties limits) {
        int shorter = Math.min(width, height);
        int longer = Math.max(width, height);
        if (shorter < limits.minPixels() || longer > limits.maxPixels()) {
            throw ImageRefused.invalid("the PNG image is " + width + "x" + height + " pixels; a badge image is between "
                                       + limits.minPixels() + " and " + limits.maxPixels() + " pixels on each side");
        }
        if (longer > shorter * MAX_ASPECT_RATIO) {
            throw ImageRefused.invalid("the PNG image is " + width + "x" + height + " pixels; a badge image is about "
                                       + "square (its longer side at most 5/4 of the shorter)");
        }
    }

    /** Decodes every pixel, so corrupt or truncated image data is refused now rather than shown broken later. */
    private static void decode(byte[] png) {
        ImageReader reader = pngReader();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(png))) {
            reader.setInput(in, true, true);
            reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw ImageRefused.invalid("the PNG image does not decode: " + e.getMessage());
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader pngReader() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        if (!readers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no PNG reader");
        }
        return readers.next();
    }
}
