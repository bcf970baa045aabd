package org.makerspace.api.achievement.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.makerspace.api.testing.TestImages.png;
import static org.makerspace.api.testing.TestImages.withChunkData;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.makerspace.api.baking.BadgePayload;
import org.makerspace.api.baking.PngBaking;
import org.makerspace.api.testing.TestImages;
import org.makerspace.ledger.achievement.api.HostedImage;
import org.springframework.util.unit.DataSize;

class PngCheckTest {

    private static final BadgeImageProperties LIMITS = new BadgeImageProperties(DataSize.ofKilobytes(512),
                                                                                DataSize.ofKilobytes(128), 64, 2048);
    private static final String JWT = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    @Test
    void acceptsASquarePngUnderItsDigestWithItsSize() {
        byte[] bytes = png(256, 256, 1);

        BadgeImage image = PngCheck.check(bytes, LIMITS);

        assertThat(image.bytes()).isSameAs(bytes);
        assertThat(image.id().format()).isEqualTo(HostedImage.Format.PNG);
        assertThat(image.id().sha256()).isEqualTo(BadgeImage.sha256(bytes)).hasSize(64);
        assertThat(image.width()).isEqualTo(256);
        assertThat(image.height()).isEqualTo(256);
    }

    @Test
    void acceptsANearlySquarePngUpToFiveByFour() {
        assertThat(PngCheck.check(png(160, 128, 2), LIMITS).width()).isEqualTo(160);
    }

    @Test
    void refusesBytesThatAreNoPng() {
        assertThat(refusal(TestImages.utf8(TestImages.svgBadge(3))))
                .isEqualTo("the body is not a PNG image: it does not start with the PNG signature");
    }

    @Test
    void refusesAPngTooSmall() {
        assertThat(refusal(png(32, 32, 4)))
                .isEqualTo("the PNG image is 32x32 pixels; a badge image is between 64 and 2048 pixels on each side");
    }

    @Test
    void refusesAPngTooLargeBeforeDecodingIt() {
        byte[] bytes = png(64, 64, 5);
        byte[] header = Arrays.copyOfRange(bytes, 16, 16 + 13);
        header[0] = 0x00;
        header[1] = 0x01;
        header[2] = 0x00;
        header[3] = 0x00;
        header[4] = 0x00;
        header[5] = 0x01;
        header[6] = 0x00;
        header[7] = 0x00;

        assertThat(refusal(withChunkData(bytes, "IHDR", header)))
                .isEqualTo("the PNG image is 65536x65536 pixels; a badge image is between 64 and 2048 pixels on each "
                           + "side");
    }

    @Test
    void refusesAPngFarFromSquare() {
        assertThat(refusal(png(300, 128, 6))).isEqualTo("the PNG image is 300x128 pixels; a badge image is about "
                                                        + "square (its longer side at most 5/4 of the shorter)");
    }

    @Test
    void refusesAPngWithAWrongChecksum() {
        byte[] bytes = png(64, 64, 7);
        bytes[bytes.length - 20] ^= 0x55;

        assertThat(refusal(bytes)).startsWith("not a sound PNG image: the CRC of chunk");
    }

    @Test
    void refusesAPngWhosePixelsDoNotDecode() {
        byte[] garbage = new byte[200];
        Arrays.fill(garbage, (byte) 0x5a);

        assertThat(refusal(withChunkData(png(64, 64, 8), "IDAT", garbage)))
                .startsWith("the PNG image does not decode");
    }

    @Test
    void refusesBytesHiddenAfterTheEndOfThePng() {
        byte[] bytes = png(64, 64, 9);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 5);

        assertThat(refusal(longer)).isEqualTo("the PNG image has 5 bytes after its IEND chunk");
    }

    @Test
    void refusesABakedBadge() {
        byte[] baked = PngBaking.bake(png(64, 64, 10), BadgePayload.ob3Jwt(JWT));

        assertThat(refusal(baked)).isEqualTo("the PNG image already carries Open Badges data (it is a baked badge): "
                                             + "upload the image without it");
    }

    private static String refusal(byte[] png) {
        ImageRefused refused = catchThrowableOfType(ImageRefused.class, () -> PngCheck.check(png, LIMITS));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        return refused.getBody().getDetail();
    }
}
