package org.makerspace.api.achievement.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.makerspace.api.testing.TestImages.svg;
import static org.makerspace.api.testing.TestImages.svgBadge;
import static org.makerspace.api.testing.TestImages.utf8;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.makerspace.api.baking.BadgePayload;
import org.makerspace.api.baking.SvgBaking;
import org.makerspace.ledger.achievement.api.HostedImage;

class SvgCheckTest {

    private static final String JWT = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    @Test
    void acceptsAPictureWithGradientsReusedPartsAndAnEmbeddedRasterImage() {
        byte[] bytes = utf8(svg("""
                  <defs><linearGradient id="sky"><stop offset="0" stop-color="#09f"/></linearGradient></defs>
                  <rect id="back" width="512" height="512" fill="url(#sky)"/>
                  <use xlink:href="#back"/>
                  <image href="data:image/png;base64,iVBORw0KGgo=" width="10" height="10"/>
                  <style>circle { fill: url( '#sky' ); }</style>
                  <a href="#back"><text x="10" y="40">Laser</text></a>
                """, 1));

        BadgeImage image = SvgCheck.check(bytes);

        assertThat(image.bytes()).isSameAs(bytes);
        assertThat(image.id().format()).isEqualTo(HostedImage.Format.SVG);
        assertThat(image.width()).isZero();
    }

    @Test
    void acceptsTheTestBadge() {
        assertThat(SvgCheck.check(utf8(svgBadge(2))).id().path()).endsWith(".svg");
    }

    @Test
    void refusesAScript() {
        assertThat(refusal(svg("<script>alert(document.cookie)</script>", 3)))
                .isEqualTo("the SVG image holds a <script> element: badge images may hold no script, foreignObject or "
                           + "embedded content");
    }

    @Test
    void refusesAScriptInAnotherNamespace() {
        assertThat(refusal(svg("<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script>", 4)))
                .contains("<h:script>");
    }

    @Test
    void refusesAForeignObject() {
        assertThat(refusal(svg("<foreignObject><p xmlns=\"http://www.w3.org/1999/xhtml\">hi</p></foreignObject>", 5)))
                .contains("<foreignObject>");
    }

    @Test
    void refusesHtml() {
        assertThat(refusal(svg("<g><iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"https://evil.example\"/></g>", 6)))
                .contains("<iframe>");
        assertThat(refusal(svg("<p xmlns=\"http://www.w3.org/1999/xhtml\">text</p>", 7)))
                .isEqualTo("the SVG image holds an HTML element <p>");
    }

    @Test
    void refusesAnEventHandler() {
        assertThat(refusal(svg("<circle r=\"5\" onload=\"alert(1)\"/>", 8)))
                .isEqualTo("the SVG image has an event handler, the attribute onload of <circle>: badge images run "
                           + "nothing");
        assertThat(refusal(svg("<rect width=\"5\" height=\"5\" ONCLICK=\"alert(1)\"/>", 9))).contains("event handler");
    }

    @Test
    void refusesALinkOutOfTheImage() {
        assertThat(refusal(svg("<a href=\"javascript:alert(1)\"><text>x</text></a>", 10)))
                .startsWith("the SVG image refers to 'javascript:alert(1)' in the attribute href of <a>");
        assertThat(refusal(svg("<image xlink:href=\"https://tracker.example/pixel.png\"/>", 11)))
                .contains("'https://tracker.example/pixel.png'");
        assertThat(refusal(svg("<use href=\"other.svg#part\"/>", 12))).contains("'other.svg#part'");
        assertThat(refusal(svg("<use href=\" java&#9;script:alert(1)\"/>", 13))).contains("refers to");
    }

    @Test
    void refusesAnEmbeddedSvgThisCheckCouldNotSee() {
        assertThat(refusal(svg("<image href=\"data:image/svg+xml;base64,PHN2Zy8+\"/>", 14)))
                .contains("'data:image/svg+xml;base64,PHN2Zy8+'");
    }

    @Test
    void refusesAnExternalReferenceInCss() {
        assertThat(refusal(svg("<rect style=\"fill:url(https://evil.example/x.svg#p)\"/>", 15)))
                .contains("'https://evil.example/x.svg#p'").contains("the attribute style of <rect>");
        assertThat(refusal(svg("<style>rect { background: url(\"//evil.example/x.png\") }</style>", 16)))
                .contains("its <style> element");
        assertThat(refusal(svg("<rect fill=\"url(http://evil.example/#g)\"/>", 17))).contains("the attribute fill");
        assertThat(refusal(svg("<style>@import 'https://evil.example/x.css';</style>", 18)))
                .isEqualTo("the SVG image loads a style sheet or image from elsewhere in its <style> element");
        assertThat(refusal(svg("<style>rect { fill: u\\72l(https://evil.example) }</style>", 19)))
                .startsWith("the SVG image uses a CSS escape");
        assertThat(refusal(svg("<style>rect { fill: url(#a</style>", 20))).contains("cannot be read as a reference");
    }

    @Test
    void refusesAStyleSheetProcessingInstruction() {
        String withStyleSheet = svg("<rect/>", 21).replaceFirst("\n<svg",
                "\n<?xml-stylesheet href=\"https://evil.example/x.css\"?>\n<svg");

        assertThat(refusal(withStyleSheet)).isEqualTo("the SVG image holds a processing instruction <?xml-stylesheet?>: "
                                                      + "it could load a style sheet from elsewhere");
    }

    @Test
    void refusesABaseThatWouldSendFragmentsElsewhere() {
        assertThat(refusal(svg("<g xml:base=\"https://evil.example/\"><use href=\"#a\"/></g>", 22)))
                .contains("xml:base");
    }

    @Test
    void refusesAnAnimationThatSetsALinkOrAHandler() {
        assertThat(refusal(svg("<a href=\"#x\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a>", 23)))
                .startsWith("the SVG image animates the attribute href");
        assertThat(refusal(svg("<a><animate attributeName=\"xlink:href\" values=\"#a;#b\"/></a>", 24)))
                .startsWith("the SVG image animates the attribute xlink:href");
    }

    @Test
    void refusesADoctypeAndSoEveryEntity() {
        String withEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                            + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>";

        assertThat(refusal(withEntity)).startsWith("not a well-formed SVG image without DOCTYPE");
    }

    @Test
    void refusesXmlThatIsNoSvg() {
        assertThat(refusal("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"))
                .startsWith("not an SVG image: the root element is <html>");
        assertThat(refusal("{\"not\": \"xml\"}")).isEqualTo("the body is not an SVG image: it does not start with '<'");
    }

    @Test
    void refusesAnEncodingOtherThanUtf8() {
        String latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                       + "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>\u00e9</title></svg>";

        ImageRefused refused = catchThrowableOfType(ImageRefused.class,
                () -> SvgCheck.check(latin.getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(refused.getBody().getDetail()).isEqualTo("the SVG image is encoded in ISO-8859-1; badge images are "
                                                            + "UTF-8");
    }

    @Test
    void refusesABakedBadge() {
        byte[] baked = SvgBaking.bake(utf8(svgBadge(25)), BadgePayload.ob3Jwt(JWT));

        ImageRefused refused = catchThrowableOfType(ImageRefused.class, () -> SvgCheck.check(baked));

        assertThat(refused.getBody().getDetail()).isEqualTo("the SVG image already carries Open Badges data (it is a "
                                                            + "baked badge): upload the image without it");
    }

    private static String refusal(String svg) {
        ImageRefused refused = catchThrowableOfType(ImageRefused.class, () -> SvgCheck.check(utf8(svg)));
        assertThat(refused).as("refused: %s", svg).isNotNull();
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        return refused.getBody().getDetail();
    }
}
