package org.makerspace.api.baking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class SvgBakingTest {

    private static final String JWT = "eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6e319.c2lnbmF0dXJl";
    private static final String V3 = "https://purl.imsglobal.org/ob/v3p0";
    private static final String SVG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
              <title>Laser operator</title>
              <circle cx="256" cy="256" r="240" fill="#1d4ed8"/>
            </svg>
            """;

    @Test
    void aCompactJwsIsBakedIntoTheVerifyAttributeAndExtractedAgain() {
        byte[] baked = SvgBaking.bake(svg(SVG), BadgePayload.ob3Jwt(JWT));

        assertThat(text(baked)).contains("<openbadges:credential verify=\"" + JWT + "\"/>");
        assertThat(SvgBaking.extract(baked)).isEqualTo(BadgePayload.ob3Jwt(JWT));
    }

    @Test
    void credentialJsonIsBakedInCdataAndExtractedAgainEvenWithCdataEndInside() {
        String json = "{\"name\":\"Cut <&> \\\"fine\\\" ]]> done ✓\"}";

        byte[] baked = SvgBaking.bake(svg(SVG), BadgePayload.ob3Json(json));

        assertThat(text(baked)).contains("<![CDATA[{\"name\":\"Cut <&>");
        assertThat(SvgBaking.extract(baked)).isEqualTo(BadgePayload.ob3Json(json));
    }

    @Test
    void theElementIsTheFirstChildOfTheRootWhichDeclaresTheNamespace() {
        byte[] baked = SvgBaking.bake(svg(SVG), BadgePayload.ob3Jwt(JWT));

        Document document = SecureXml.parse(baked);
        Element root = document.getDocumentElement();
        assertThat(root.getAttribute("xmlns:openbadges")).isEqualTo(V3);
        Element first = firstElementChild(root);
        assertThat(first.getNamespaceURI()).isEqualTo(V3);
        assertThat(first.getTagName()).isEqualTo("openbadges:credential");
        assertThat(root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength()).isEqualTo(1);
    }

    @Test
    void anOpenBadges2AssertionUrlIsBakedAsAnAssertionElement() {
        String url = "https://ledger.example/assertions/42?x=1&y=2";

        byte[] baked = SvgBaking.bake(svg(SVG), BadgePayload.ob2Verify(url));

        assertThat(text(baked)).contains("xmlns:openbadges=\"http://openbadges.org\"")
                .contains("<openbadges:assertion verify=\"https://ledger.example/assertions/42?x=1&amp;y=2\"/>");
        assertThat(SvgBaking.extract(baked)).isEqualTo(BadgePayload.ob2Verify(url));
    }

    @Test
    void aHostedOpenBadges2AssertionKeepsItsUrlAndItsJson() {
        BadgePayload hosted = BadgePayload.ob2Hosted("https://ledger.example/assertions/42", "{\"id\":\"42\"}");

        byte[] baked = SvgBaking.bake(svg(SVG), hosted);

        assertThat(SvgBaking.extract(baked)).isEqualTo(hosted);
    }

    @Test
    void bakingAgainReplacesTheEarlierCredential() {
        byte[] once = SvgBaking.bake(svg(SVG), BadgePayload.ob3Json("{\"v\":1}"));

        byte[] twice = SvgBaking.bake(once, BadgePayload.ob3Jwt(JWT));

        assertThat(SecureXml.parse(twice).getElementsByTagNameNS(V3, "credential").getLength()).isEqualTo(1);
        assertThat(SvgBaking.extract(twice)).isEqualTo(BadgePayload.ob3Jwt(JWT));
    }

    @Test
    void anImageBakedForBothVersionsKeepsBothNamespacesApart() {
        byte[] v2 = SvgBaking.bake(svg(SVG), BadgePayload.ob2Verify("https://ledger.example/a/1"));

        byte[] both = SvgBaking.bake(v2, BadgePayload.ob3Jwt(JWT));

        Document document = SecureXml.parse(both);
        assertThat(document.getElementsByTagNameNS("http://openbadges.org", "assertion").getLength()).isEqualTo(1);
        assertThat(document.getElementsByTagNameNS(V3, "credential").getLength()).isEqualTo(1);
        assertThat(SvgBaking.extract(both)).isEqualTo(BadgePayload.ob3Jwt(JWT));
    }

    @Test
    void anExternalEntityIsRefusedAndNeverRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <svg xmlns="http://www.w3.org/2000/svg"><text>&secret;</text></svg>
                """;

        assertThatThrownBy(() -> SvgBaking.extract(svg(xxe)))
                .isInstanceOf(BadgeImageException.class)
                .hasMessageContaining("DOCTYPE is disallowed");
        assertThatThrownBy(() -> SvgBaking.bake(svg(xxe), BadgePayload.ob3Jwt(JWT)))
                .isInstanceOf(BadgeImageException.class)
                .hasMessageContaining("DOCTYPE is disallowed");
    }

    @Test
    void anInternalEntityExpansionIsRefused() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>
                """;

        assertThatThrownBy(() -> SvgBaking.extract(svg(laughs)))
                .isInstanceOf(BadgeImageException.class)
                .hasMessageContaining("DOCTYPE is disallowed");
    }

    @Test
    void xmlThatIsNotAnSvgIsRefused() {
        String html = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>";

        assertThatThrownBy(() -> SvgBaking.extract(svg(html)))
                .isInstanceOf(BadgeImageException.class)
                .hasMessageContaining("not an SVG image");
    }

    @Test
    void anUnbakedImageIsReportedAsNotBaked() {
        assertThatThrownBy(() -> SvgBaking.extract(svg(SVG)))
                .isInstanceOf(NotBakedException.class)
                .hasMessageContaining("not baked");
    }

    @Test
    void anOpenBadges2AssertionNeedsItsUrlOrSignatureInAnSvg() {
        BadgePayload jsonOnly = new BadgePayload(OpenBadgesVersion.V2_0, null, "{\"id\":\"42\"}");

        assertThatThrownBy(() -> SvgBaking.bake(svg(SVG), jsonOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'verify'");
    }

    @Test
    void anImageOver5MiBIsRefused() {
        byte[] large = Arrays.copyOf(svg(SVG), BadgeBaking.MAX_IMAGE_BYTES + 1);
        Arrays.fill(large, SVG.length(), large.length, (byte) ' ');

        assertThatThrownBy(() -> SvgBaking.extract(large))
                .isInstanceOf(BadgeImageException.class)
                .hasMessageContaining("at most 5242880 bytes");
    }

    private static byte[] svg(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] svg) {
        return new String(svg, StandardCharsets.UTF_8);
    }

    private static Element firstElementChild(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        throw new AssertionError("no child element");
    }
}
