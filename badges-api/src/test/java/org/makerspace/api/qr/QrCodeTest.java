package org.makerspace.api.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class QrCodeTest {

    private static final String URL = "https://ledger.example/badges/3f1c2e0a-5d43-4c8e-9a57-0b6f7d1e2c44";
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");

    @Test
    void thePngReadsBackAsTheUrl() throws Exception {
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(QrCode.of(URL).png()));

        assertThat(decode(png)).isEqualTo(URL);
    }

    @Test
    void theSvgReadsBackAsTheUrl() throws Exception {
        QrCode code = QrCode.of(URL);

        BufferedImage drawn = draw(code.svg(), code.size(), 4);

        assertThat(decode(drawn)).isEqualTo(URL);
    }

    @Test
    void aUrlWithQueryAndFragmentReadsBackWholeAndIsEscapedInTheSvgTitle() throws Exception {
        String url = "https://ledger.example/verify?badge=42&lang=fr#proof";
        QrCode code = QrCode.of(url);

        assertThat(decode(ImageIO.read(new ByteArrayInputStream(code.png())))).isEqualTo(url);
        Document svg = parse(code.svg());
        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent())
                .isEqualTo("QR code of " + url);
    }

    @Test
    void aNonAsciiUrlIsEncodedInItsAsciiForm() throws Exception {
        QrCode code = QrCode.of("https://ledger.example/labs/vallès");

        assertThat(code.text()).isEqualTo("https://ledger.example/labs/vall%C3%A8s");
        assertThat(decode(ImageIO.read(new ByteArrayInputStream(code.png())))).isEqualTo(code.text());
    }

    @Test
    void thePngHasTheAskedPixelsPerModuleAndAQuietZone() throws IOException {
        QrCode code = QrCode.of(URL);

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(code.png(5)));

        assertThat(png.getWidth()).isEqualTo(code.size() * 5).isEqualTo(png.getHeight());
        for (int i = 0; i < 4 * 5; i++) {
            assertThat(png.getRGB(i, i) & 0xFFFFFF).as("quiet zone at %d", i).isEqualTo(0xFFFFFF);
        }
        assertThat(png.getRGB(4 * 5, 4 * 5) & 0xFFFFFF).as("the finder pattern's corner").isZero();
    }

    @Test
    void theSvgIsWellFormedWithOneUnitPerModule() throws Exception {
        QrCode code = QrCode.of(URL);

        Element root = parse(code.svg()).getDocumentElement();

        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 " + code.size() + " " + code.size());
        assertThat(root.getAttribute("shape-rendering")).isEqualTo("crispEdges");
    }

    @Test
    void theSameUrlGivesTheSameSvgBytes() {
        assertThat(QrCode.of(URL).svg()).isEqualTo(QrCode.of(URL).svg());
    }

    @Test
    void aUrlThatIsNotHttpIsRefused() {
        assertThatThrownBy(() -> QrCode.of("javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> QrCode.of("/badges/42")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUrlTooLongForAQrCodeIsRefused() {
        String tooLong = "https://ledger.example/" + "a".repeat(3000);

        assertThatThrownBy(() -> QrCode.of(tooLong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long for a QR code");
    }

    private static String decode(BufferedImage image) throws Exception {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    /** Rasterises the SVG's path of runs, as a viewer would, to read it with zxing. */
    private static BufferedImage draw(byte[] svg, int size, int scale) throws Exception {
        Element path = (Element) parse(svg).getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").item(0);
        BufferedImage image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        Matcher runs = RUN.matcher(path.getAttribute("d"));
        int drawn = 0;
        while (runs.find()) {
            int x0 = Integer.parseInt(runs.group(1));
            int y0 = Integer.parseInt(runs.group(2));
            int length = Integer.parseInt(runs.group(3));
            for (int y = y0 * scale; y < (y0 + 1) * scale; y++) {
                for (int x = x0 * scale; x < (x0 + length) * scale; x++) {
                    image.setRGB(x, y, 0);
                }
            }
            drawn += runs.group().length();
        }
        assertThat(drawn).as("the path is made only of runs").isEqualTo(path.getAttribute("d").length());
        return image;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
