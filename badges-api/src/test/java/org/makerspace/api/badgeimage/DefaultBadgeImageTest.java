package org.makerspace.api.badgeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.MachineType;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class DefaultBadgeImageTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final BadgeDesign LASER = BadgeDesign.of("Laser operator", "Fablab North",
                                                            AchievementId.of("laser-badge"), MachineType.LASER_CUTTER);

    @Test
    void theSvgIsWellFormedXmlTitledWithTheAchievementsName() throws Exception {
        Document svg = parse(DefaultBadgeImage.svg(LASER));

        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(svg.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(text(svg, "title")).containsExactly("Laser operator");
        assertThat(text(svg, "desc")).containsExactly("Badge \u201cLaser operator\u201d awarded by Fablab North");
        assertThat(text(svg, "tspan")).containsExactly("Laser operator");
    }

    @Test
    void theSvgIsLabelledByItsTitleAndDescription() throws Exception {
        Document svg = parse(DefaultBadgeImage.svg(LASER));

        String[] labels = svg.getDocumentElement().getAttribute("aria-labelledby").split(" ");
        assertThat(labels).hasSize(2);
        assertThat(attribute(svg, "title", "id")).isEqualTo(labels[0]);
        assertThat(attribute(svg, "desc", "id")).isEqualTo(labels[1]);
    }

    @Test
    void markupInNamesIsEscaped() throws Exception {
        BadgeDesign design = new BadgeDesign("Cut <fast> & \"safe\" 'now'", "Lab <&>", BadgeColour.BLUE);

        byte[] svg = DefaultBadgeImage.svg(design);

        assertThat(new String(svg, StandardCharsets.UTF_8))
                .contains("Cut &lt;fast&gt; &amp; &quot;safe&quot; &apos;now&apos;")
                .contains("Lab &lt;&amp;&gt;")
                .doesNotContain("<fast>");
        assertThat(text(parse(svg), "title")).containsExactly("Cut <fast> & \"safe\" 'now'");
    }

    @Test
    void charactersXmlCannotCarryAreDropped() throws Exception {
        BadgeDesign design = new BadgeDesign("Weld\u0000ing\u0007 \uD800basics", "Lab\u001b", BadgeColour.GREEN);

        Document svg = parse(DefaultBadgeImage.svg(design));

        assertThat(text(svg, "title")).containsExactly("Welding basics");
    }

    @Test
    void theSameDesignGivesTheSameSvgBytes() {
        BadgeDesign again = BadgeDesign.of("Laser operator", "Fablab North", AchievementId.of("laser-badge"),
                                           MachineType.LASER_CUTTER);

        assertThat(DefaultBadgeImage.svg(again)).isEqualTo(DefaultBadgeImage.svg(LASER));
    }

    @Test
    void aLongNameWrapsOntoAtMostThreeLinesEndingInAnEllipsis() throws Exception {
        BadgeDesign design = new BadgeDesign(
                "Advanced computer numerical control milling of hardwoods and aluminium for furniture makers",
                "Fablab North", BadgeColour.AMBER);

        List<String> lines = text(parse(DefaultBadgeImage.svg(design)), "tspan");

        assertThat(lines).hasSize(3).allMatch(line -> line.codePointCount(0, line.length()) <= 16);
        assertThat(lines.get(0)).isEqualTo("Advanced");
        assertThat(lines.get(2)).endsWith("\u2026");
    }

    @Test
    void aWordLongerThanALineIsCut() {
        assertThat(TextLines.wrap("Donaudampfschifffahrtsgesellschaft", 16, 3))
                .containsExactly("Donaudampfschiff", "fahrtsgesellscha", "ft");
    }

    @Test
    void aWellKnownMachineTypeHasItsOwnColour() {
        assertThat(LASER.colour()).isEqualTo(BadgeColour.of(MachineType.LASER_CUTTER));
        assertThat(BadgeColour.of(MachineType.LASER_CUTTER)).isNotEqualTo(BadgeColour.of(MachineType.PRINTER_3D));
    }

    @Test
    void anAchievementWithoutMachineTypeIsColouredByItsIdTheSameEveryTime() {
        BadgeDesign one = BadgeDesign.of("Repair café", "Lab", AchievementId.of("repair-badge"), null);
        BadgeDesign two = BadgeDesign.of("Repair café", "Lab", AchievementId.of("repair-badge"), null);

        assertThat(one.colour()).isEqualTo(two.colour()).isIn(BadgeColour.PALETTE);
        assertThat(BadgeColour.of(MachineType.of("loom"))).isIn(BadgeColour.PALETTE);
    }

    @Test
    void everyBadgeColourGivesWhiteTextAContrastOfAtLeast4_5() {
        assertThat(BadgeColour.PALETTE)
                .allSatisfy(colour -> assertThat(colour.contrastWith(BadgeColour.WHITE))
                        .as(colour.hex()).isGreaterThanOrEqualTo(4.5));
    }

    @Test
    void theBadgePngIs512PixelsSquareAndDrawnInTheBadgeColour() throws IOException {
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(DefaultBadgeImage.badgePng(LASER)));

        assertThat(png.getWidth()).isEqualTo(512);
        assertThat(png.getHeight()).isEqualTo(512);
        assertThat(png.getRGB(256, 20) & 0xFFFFFF).isEqualTo(LASER.colour().rgb());
        assertThat(png.getRGB(256, 34) & 0xFFFFFF).as("the white ring").isEqualTo(0xFFFFFF);
        assertThat(png.getRGB(0, 0) >>> 24).as("a transparent corner").isZero();
    }

    @Test
    void theOpenGraphPngIs1200By630() throws IOException {
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(DefaultBadgeImage.openGraphPng(LASER)));

        assertThat(png.getWidth()).isEqualTo(1200);
        assertThat(png.getHeight()).isEqualTo(630);
        assertThat(png.getColorModel().hasAlpha()).isFalse();
    }

    @Test
    void imagesAreDrawnWithoutADisplay() {
        DefaultBadgeImage.badgePng(LASER);

        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> new BadgeDesign(" \u0000 ", "Lab", BadgeColour.RED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("achievementName must show something");
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> text(Document document, String element) {
        NodeList nodes = document.getElementsByTagNameNS(SVG_NS, element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static String attribute(Document document, String element, String attribute) {
        return ((org.w3c.dom.Element) document.getElementsByTagNameNS(SVG_NS, element).item(0)).getAttribute(attribute);
    }
}
