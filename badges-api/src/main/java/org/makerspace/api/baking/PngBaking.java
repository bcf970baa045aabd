package org.makerspace.api.baking;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.InflaterInputStream;

/**
 * Bakes into and extracts from PNG images at the chunk level. Baking copies every chunk of the image byte for byte,
 * drops an earlier chunk of the same keyword (a chunk must not appear twice), and writes one uncompressed {@code
 * iTXt} chunk right before {@code IEND}. Decoding and re-encoding the pixels through ImageIO would also work, but it
 * would rewrite the image data and could lose bit depth, palette or colour profile; chunk writing changes nothing
 * but the badge data.
 *
 * <p>Every chunk read is checked: its length fits the image, its CRC matches, {@code IHDR} comes first.
 */
public final class PngBaking {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String ITXT = "iTXt";
    private static final String IEND = "IEND";

    private PngBaking() {
    }

    /** Whether the bytes start with the PNG signature. */
    public static boolean isPng(byte[] image) {
        return image != null && image.length >= SIGNATURE.length
                && Arrays.equals(image, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    /** The image with the payload baked in, replacing any earlier payload of the same version. */
    public static byte[] bake(byte[] png, BadgePayload payload) {
        BadgeBaking.checkSize(png);
        List<Chunk> chunks = chunks(png);
        String keyword = payload.version().pngKeyword();
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + payload.pngText().length() + 64);
        out.writeBytes(SIGNATURE);
        for (Chunk chunk : chunks) {
            if (chunk.type().equals(IEND)) {
                writeChunk(out, ITXT, itxt(keyword, payload.pngText()));
            }
            if (!chunk.isTextOf(keyword)) {
                out.writeBytes(chunk.raw());
            }
        }
        return BadgeBaking.checkBakedSize(out.toByteArray());
    }

    /**
     * The payload baked in the image: the 3.0 credential when there is one, else the 2.0 assertion.
     *
     * @throws NotBakedException when the PNG holds neither
     * @throws BadgeImageException when the bytes are not a sound PNG
     */
    public static BadgePayload extract(byte[] png) {
        BadgeBaking.checkSize(png);
        Optional<BadgePayload> assertion = Optional.empty();
        for (Chunk chunk : chunks(png)) {
            if (chunk.isTextOf(OpenBadgesVersion.V3_0.pngKeyword())) {
                return BadgePayload.fromPngText(OpenBadgesVersion.V3_0, text(chunk));
            }
            if (assertion.isEmpty() && chunk.isTextOf(OpenBadgesVersion.V2_0.pngKeyword())) {
                assertion = Optional.of(BadgePayload.fromPngText(OpenBadgesVersion.V2_0, text(chunk)));
            }
        }
        return assertion.orElseThrow(() -> new NotBakedException(
                "the PNG image is not baked: it has no iTXt chunk 'openbadgecredential' (Open Badges 3.0) "
                        + "or 'openbadges' (Open Badges 2.0)"));
    }

    // ---------------------------------------------------------------- chunks

    /** One chunk: its type, its data and its bytes as they stand in the image (length, type, data, CRC). */
    private record Chunk(String type, byte[] data, byte[] raw) {

        boolean isTextOf(String keyword) {
            return type.equals(ITXT) && keyword.equals(keywordOf(data));
        }
    }

    private static List<Chunk> chunks(byte[] png) {
        if (!isPng(png)) {
            throw new BadgeImageException("not a PNG image: the PNG signature is missing");
        }
        List<Chunk> chunks = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(png);
        in.position(SIGNATURE.length);
        while (chunks.isEmpty() || !chunks.get(chunks.size() - 1).type().equals(IEND)) {
            if (in.remaining() < 12) {
                throw new BadgeImageException("not a sound PNG image: it ends before its IEND chunk");
            }
            int start = in.position();
            int length = in.getInt();
            if (length < 0 || length > in.remaining() - 8) {
                throw new BadgeImageException("not a sound PNG image: a chunk is longer than the image");
            }
            byte[] typeAndData = new byte[4 + length];
            in.get(typeAndData);
            int crc = in.getInt();
            String type = new String(typeAndData, 0, 4, StandardCharsets.ISO_8859_1);
            if (crc != (int) crc(typeAndData)) {
                throw new BadgeImageException("not a sound PNG image: the CRC of chunk " + type + " is wrong");
            }
            if (chunks.isEmpty() && !type.equals("IHDR")) {
                throw new BadgeImageException("not a sound PNG image: it does not start with an IHDR chunk");
            }
            chunks.add(new Chunk(type, Arrays.copyOfRange(typeAndData, 4, typeAndData.length),
                                 Arrays.copyOfRange(png, start, in.position())));
        }
        return chunks;
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeAndData = new byte[4 + data.length];
        System.arraycopy(type.getBytes(StandardCharsets.ISO_8859_1), 0, typeAndData, 0, 4);
        System.arraycopy(data, 0, typeAndData, 4, data.length);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeAndData);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc(typeAndData)).array());
    }

    private static long crc(byte[] typeAndData) {
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        return crc.getValue();
    }

    // ---------------------------------------------------------------- iTXt

    /**
     * An iTXt chunk's data: keyword (Latin-1), NUL, compression flag 0, compression method 0, empty language tag,
     * NUL, empty translated keyword, NUL, then the text in UTF-8.
     */
    private static byte[] itxt(String keyword, String text) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(keyword.length() + text.length() + 5);
        data.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
        data.writeBytes(new byte[] {0, 0, 0, 0, 0});
        data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return data.toByteArray();
    }

    private static String keywordOf(byte[] data) {
        int end = indexOfNul(data, 0);
        return end < 0 ? "" : new String(data, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** The text of an iTXt chunk; a compressed one (which baking must not write, but some tools do) is inflated. */
    private static String text(Chunk chunk) {
        byte[] data = chunk.data();
        int keywordEnd = indexOfNul(data, 0);
        int languageEnd = keywordEnd < 0 || keywordEnd + 3 > data.length ? -1 : indexOfNul(data, keywordEnd + 3);
        int translatedEnd = languageEnd < 0 ? -1 : indexOfNul(data, languageEnd + 1);
        if (translatedEnd < 0) {
            throw new BadgeImageException("not a sound PNG image: its Open Badges iTXt chunk is malformed");
        }
        byte[] text = Arrays.copyOfRange(data, translatedEnd + 1, data.length);
        boolean compressed = data[keywordEnd + 1] != 0;
        return new String(compressed ? inflate(text) : text, StandardCharsets.UTF_8);
    }

    private static byte[] inflate(byte[] compressed) {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(compressed))) {
            byte[] text = in.readNBytes(BadgeBaking.MAX_IMAGE_BYTES + 1);
            if (text.length > BadgeBaking.MAX_IMAGE_BYTES) {
                throw new BadgeImageException("the Open Badges iTXt chunk inflates to more than 5 MiB");
            }
            return text;
        } catch (IOException e) {
            throw new BadgeImageException("not a sound PNG image: its compressed iTXt chunk does not inflate", e);
        }
    }

    private static int indexOfNul(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
