package org.makerspace.api.baking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class PngBakingTest {

    private static final String JWT = "eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6e319.c2lnbmF0dXJl";
    private static final String CREDENTIAL_JSON = "{\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],"
            + "\"name\":\"Découpe laser ✓\"}";

    @Test
    void aBakedCompactJwsIsExtractedAgain() {
        byte[] baked = PngBaking.bake(png(), BadgePayload.ob3Jwt(JWT));

        assertThat(PngBaking.extract(baked)).isEqualTo(BadgePayload.ob3Jwt(JWT));
    }

    @Test
    void bakedCredentialJsonIsExtractedAgainWithItsUnicode() {
        byte[] baked = PngBaking.bake(png(), BadgePayload.ob3Json(CREDENTIAL_JSON));

        assertThat(PngBaking.extract(baked)).isEqualTo(BadgePayload.ob3Json(CREDENTIAL_JSON));
    }

    @Test
    void anOpenBadges2AssertionUrlIsBakedUnderTheKeywordOpenbadges() throws IOException {
        String url = "https://ledger.example/assertions/42";

        byte[] baked = PngBaking.bake(png(), BadgePayload.ob2Verify(url));

        assertThat(PngBaking.extract(baked)).isEqualTo(BadgePayload.ob2Verify(url));
        assertThat(textEntries(baked)).containsExactly("openbadges=" + url);
    }

    @Test
    void theBakedImageStillDecodesToTheSamePixels() throws IOException {
        byte[] original = png();

        byte[] baked = PngBaking.bake(original, BadgePayload.ob3Jwt(JWT));

        BufferedImage before = ImageIO.read(new ByteArrayInputStream(original));
        BufferedImage after = ImageIO.read(new ByteArrayInputStream(baked));
        assertThat(after.getWidth()).isEqualTo(before.getWidth());
        assertThat(after.getHeight()).isEqualTo(before.getHeight());
        assertThat(pixels(after)).isEqualTo(pixels(before));
    }

    @Test
    void theChunkIsAnUncompressedITxtThatImageIoReads() throws IOException {
        byte[] baked = PngBaking.bake(png(), BadgePayload.ob3Json(CREDENTIAL_JSON));

        Element entry = iTxtEntries(baked).get(0);
        assertThat(entry.getAttribute("keyword")).isEqualTo("openbadgecredential");
        assertThat(entry.getAttribute("compressionFlag")).isEqualTo("FALSE");
        assertThat(entry.getAttribute("text")).isEqualTo(CREDENTIAL_JSON);
    }

    @Test
    void theChunkIsInsertedRightBeforeIendAndEveryOtherChunkIsKept() {
        byte[] original = png();

        byte[] baked = PngBaking.bake(original, BadgePayload.ob3Jwt(JWT));

        List<String> expected = new ArrayList<>(chunkTypes(original));
        expected.add(expected.size() - 1, "iTXt");
        assertThat(chunkTypes(baked)).isEqualTo(expected);
        int iend = original.length - 12;
        assertThat(Arrays.copyOfRange(baked, 0, iend)).isEqualTo(Arrays.copyOfRange(original, 0, iend));
    }

    @Test
    void bakingAgainReplacesTheEarlierCredential() throws IOException {
        byte[] once = PngBaking.bake(png(), BadgePayload.ob3Jwt(JWT));

        byte[] twice = PngBaking.bake(once, BadgePayload.ob3Json(CREDENTIAL_JSON));

        assertThat(textEntries(twice)).containsExactly("openbadgecredential=" + CREDENTIAL_JSON);
    }

    @Test
    void anImageBakedForBothVersionsGivesTheOpenBadges3Credential() throws IOException {
        byte[] both = PngBaking.bake(PngBaking.bake(png(), BadgePayload.ob2Verify("https://ledger.example/a/1")),
                                     BadgePayload.ob3Jwt(JWT));

        assertThat(PngBaking.extract(both)).isEqualTo(BadgePayload.ob3Jwt(JWT));
        assertThat(textEntries(both)).hasSize(2);
    }

    @Test
    void anUnbakedImageIsReportedAsNotBaked() {
        assertThatThrownBy(() -> PngBaking.extract(png()))
                .isInstanceOf(NotBakedException.class)
                .hasMessageContaining("not baked");
    }

    @Test
    void bytesThatAreNotAPngAreRefused() {
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0};

        assertThatThrownBy(() -> PngBaking.extract(jpeg))
                .isInstanceOf(BadgeImageException.class)
                .isNotInstanceOf(NotBakedException.class)
                .hasMessageContaining("not a PNG image");
    }

    @Test
    void aChunkWithAWrongCrcIsRefused() {
        byte[] corrupt = png();
        corrupt[8 + 8 + 3] ^= 0x01; // the low byte of the IHDR width

        assertThatThrownBy(() -> PngBaking.bake(corrupt, BadgePayload.ob3Jwt(JWT)))
                .isInstanceOf(BadgeImageException.class)
                .hasMessageContaining("CRC of chunk IHDR");
    }

    @Test
    void aTruncatedImageIsRefused() {
        byte[] whole = png();
        byte[] truncated = Arrays.copyOf(whole, whole.length - 20);

        assertThatThrownBy(() -> PngBaking.extract(truncated))
                .isInstanceOf(BadgeImageException.class)
                .hasMessageContaining("not a sound PNG image");
    }

    @Test
    void anImageOver5MiBIsRefused() {
        byte[] large = Arrays.copyOf(png(), BadgeBaking.MAX_IMAGE_BYTES + 1);

        assertThatThrownBy(() -> PngBaking.bake(large, BadgePayload.ob3Jwt(JWT)))
                .isInstanceOf(BadgeImageException.class)
                .hasMessageContaining("at most 5242880 bytes");
    }

    // ---------------------------------------------------------------- helpers

    static byte[] png() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, 0xff000000 | (x * 4) << 16 | (y * 5) << 8 | (x ^ y) & 0xff);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(png);
        in.position(8);
        while (in.remaining() >= 12) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            types.add(new String(type, StandardCharsets.ISO_8859_1));
            in.position(in.position() + length + 4);
        }
        return types;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** The iTXt entries as ImageIO's PNG reader sees them: an independent check of the chunk's layout. */
    private static List<Element> iTxtEntries(byte[] png) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            reader.setInput(in);
            Node tree = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            List<Element> entries = new ArrayList<>();
            for (Node node = tree.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node.getNodeName().equals("iTXt")) {
                    for (Node entry = node.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
                        entries.add((Element) entry);
                    }
                }
            }
            reader.dispose();
            return entries;
        }
    }

    private static List<String> textEntries(byte[] png) throws IOException {
        return iTxtEntries(png).stream().map(e -> e.getAttribute("keyword") + "=" + e.getAttribute("text")).toList();
    }
}
