package org.makerspace.ledger.achievement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostedImageTest {

    private static final String DIGEST = "0123456789abcdef".repeat(4);

    @Test
    void pathNamesTheDigestAndTheFormat() {
        assertThat(new HostedImage(DIGEST, HostedImage.Format.SVG).path()).isEqualTo("/ob3/images/" + DIGEST + ".svg");
    }

    @Test
    void pathReadsBackAsTheSameImage() {
        HostedImage image = new HostedImage(DIGEST, HostedImage.Format.PNG);

        assertThat(HostedImage.fromUrl(image.path())).contains(image);
    }

    @Test
    void absoluteUrlsAndOtherPathsAreNoHostedImage() {
        assertThat(HostedImage.fromUrl("https://lab.example/ob3/images/" + DIGEST + ".png")).isEmpty();
        assertThat(HostedImage.fromUrl("/ob3/images/" + DIGEST + ".jpg")).isEmpty();
        assertThat(HostedImage.fromUrl("/ob3/images/" + DIGEST.toUpperCase() + ".png")).isEmpty();
        assertThat(HostedImage.fromUrl("/ob3/images/" + DIGEST + ".png?x=1")).isEmpty();
        assertThat(HostedImage.fromUrl("/ob3/images/../" + DIGEST + ".png")).isEmpty();
        assertThat(HostedImage.fromUrl(null)).isEmpty();
    }

    @Test
    void digestMustBeSha256InLowerCaseHex() {
        assertThatThrownBy(() -> new HostedImage("abc", HostedImage.Format.PNG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sha256 must be 64 lower-case hexadecimal digits, but was 'abc'");
    }
}
