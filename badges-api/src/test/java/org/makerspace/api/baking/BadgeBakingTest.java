package org.makerspace.api.baking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BadgeBakingTest {

    private static final String JWT = "eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6e319.c2lnbmF0dXJl";

    @Test
    void aPngIsBakedAsAPng() {
        byte[] baked = BadgeBaking.bake(PngBakingTest.png(), BadgePayload.ob3Jwt(JWT));

        assertThat(BadgeBaking.formatOf(baked)).isEqualTo(BadgeBaking.ImageFormat.PNG);
        assertThat(BadgeBaking.extract(baked)).isEqualTo(BadgePayload.ob3Jwt(JWT));
    }

    @Test
    void anSvgIsBakedAsAnSvg() {
        byte[] svg = "\uFEFF  <svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);

        byte[] baked = BadgeBaking.bake(svg, BadgePayload.ob3Jwt(JWT));

        assertThat(BadgeBaking.formatOf(baked)).isEqualTo(BadgeBaking.ImageFormat.SVG);
        assertThat(BadgeBaking.extract(baked)).isEqualTo(BadgePayload.ob3Jwt(JWT));
    }

    @Test
    void anImageThatIsNeitherPngNorSvgIsRefused() {
        byte[] gif = "GIF89a....".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> BadgeBaking.extract(gif))
                .isInstanceOf(BadgeImageException.class)
                .hasMessageContaining("neither a PNG nor an SVG");
    }

    @Test
    void anOpenBadges3CredentialIsACompactJwsOrJsonButNotAUrl() {
        assertThatThrownBy(() -> BadgePayload.ob3Jwt("https://ledger.example/credentials/1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compact JWS");
    }
}
