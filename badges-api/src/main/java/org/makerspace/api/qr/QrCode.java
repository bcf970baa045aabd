package org.makerspace.api.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The QR code of one public http(s) URL: error correction level M (a code survives about 15% damage, enough for a
 * printed sign), a quiet zone of four modules, black on white. The URL is encoded in its ASCII form, with any other
 * character percent-encoded, so that no reader has to know a character set.
 */
public final class QrCode {

    /** Pixels per module of {@link #png()}: a 33-module code (a short URL) comes out 264 pixels wide. */
    public static final int DEFAULT_MODULE_PIXELS = 8;
    private static final int MAX_MODULE_PIXELS = 40;
    private static final int QUIET_ZONE = 4;

    private final String text;
    private final BitMatrix modules;

    private QrCode(String text, BitMatrix modules) {
        this.text = text;
        this.modules = modules;
    }

    /**
     * The QR code of {@code url}.
     *
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL with a host, or too long for a QR
     *                                  code
     */
    public static QrCode of(String url) {
        String text = publicUrl(url);
        Map<EncodeHintType, Object> hints = Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                                                   EncodeHintType.MARGIN, QUIET_ZONE);
        try {
            return new QrCode(text, new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the URL is too long for a QR code (" + text.length() + " characters)", e);
        }
    }

    /** The text encoded: the URL in its ASCII form. */
    public String text() {
        return text;
    }

    /** The side of the code in modules, quiet zone included. */
    public int size() {
        return modules.getWidth();
    }

    /** Whether the module at column {@code x}, row {@code y} (0 at top left) is dark. */
    public boolean isDark(int x, int y) {
        return modules.get(x, y);
    }

    /**
     * The code as SVG (UTF-8): one module per user unit, dark modules as one path of horizontal runs, drawn with
     * crisp edges; a {@code <title>} names the URL for screen readers. The same URL gives the same bytes.
     */
    public byte[] svg() {
        int size = size();
        String label = escape("QR code of " + text);
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(size).append(' ').append(size)
                .append("\" width=\"").append(size * DEFAULT_MODULE_PIXELS).append("\" height=\"")
                .append(size * DEFAULT_MODULE_PIXELS).append("\" shape-rendering=\"crispEdges\" role=\"img\">\n");
        svg.append("  <title>").append(label).append("</title>\n");
        svg.append("  <rect width=\"").append(size).append("\" height=\"").append(size).append("\" fill=\"#FFFFFF\"/>\n");
        svg.append("  <path fill=\"#000000\" d=\"");
        for (int y = 0; y < size; y++) {
            int x = 0;
            while (x < size) {
                if (!isDark(x, y)) {
                    x++;
                    continue;
                }
                int run = 1;
                while (x + run < size && isDark(x + run, y)) {
                    run++;
                }
                svg.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run)
                        .append('z');
                x += run;
            }
        }
        svg.append("\"/>\n</svg>\n");
        return svg.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The code as a black and white PNG of {@value #DEFAULT_MODULE_PIXELS} pixels per module. */
    public byte[] png() {
        return png(DEFAULT_MODULE_PIXELS);
    }

    /** The code as a black and white PNG of {@code modulePixels} (1 to 40) pixels per module. */
    public byte[] png(int modulePixels) {
        if (modulePixels < 1 || modulePixels > MAX_MODULE_PIXELS) {
            throw new IllegalArgumentException("a module is 1 to " + MAX_MODULE_PIXELS + " pixels, not " + modulePixels);
        }
        int side = size() * modulePixels;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.setColor(Color.BLACK);
            for (int y = 0; y < size(); y++) {
                for (int x = 0; x < size(); x++) {
                    if (isDark(x, y)) {
                        g.fillRect(x * modulePixels, y * modulePixels, modulePixels, modulePixels);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG in memory failed", e);
        }
        return out.toByteArray();
    }

    private static String publicUrl(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("a QR code is made only of an absolute http(s) URL with a host, not '"
                                                       + url + "'");
        }
        return uri.toASCIIString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
