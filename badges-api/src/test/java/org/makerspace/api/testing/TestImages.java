package org.makerspace.api.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Badge images for tests: real PNGs drawn with Java2D, small SVGs, and PNGs damaged in one precise way. */
public final class TestImages {

    static {
        // Before anything touches AWT, as the application does: the build may run without a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private TestImages() {
    }

    /**
     * A PNG of this size: a disc whose colour follows {@code seed}, so that tests sharing one database upload
     * different bytes (images are stored under their digest) unless they mean to upload the same.
     */
    public static byte[] png(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color((int) Math.floorMod(seed * 2654435761L, 0x1000000L)));
        graphics.fillOval(0, 0, width, height);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An SVG of 512 by 512 with this content, after a title that follows {@code seed}. */
    public static String svg(String content, int seed) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
               + "width=\"512\" height=\"512\" viewBox=\"0 0 512 512\">\n"
               + "  <title>Badge " + seed + "</title>\n" + content + "\n</svg>\n";
    }

    /** A harmless SVG picture: a gradient disc, referenced by fragment as drawing programs write it. */
    public static String svgBadge(int seed) {
        return svg("""
                  <defs><radialGradient id="glow"><stop offset="0" stop-color="#ffd700"/>\
                <stop offset="1" stop-color="#b8860b"/></radialGradient></defs>
                  <circle id="disc" cx="256" cy="256" r="240" fill="url(#glow)" style="stroke:#333;stroke-width:8"/>
                  <use href="#disc" transform="scale(0.5)"/>\
                """, seed);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The PNG with the data of its first chunk of this type replaced, and the chunk's CRC made right again. */
    public static byte[] withChunkData(byte[] png, String type, byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(png);
        int position = 8;
        while (position < png.length) {
            int length = in.getInt(position);
            String chunk = new String(png, position + 4, 4, StandardCharsets.ISO_8859_1);
            if (chunk.equals(type)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(png, 0, position);
                out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
                byte[] typeAndData = new byte[4 + data.length];
                System.arraycopy(type.getBytes(StandardCharsets.ISO_8859_1), 0, typeAndData, 0, 4);
                System.arraycopy(data, 0, typeAndData, 4, data.length);
                out.writeBytes(typeAndData);
                CRC32 crc = new CRC32();
                crc.update(typeAndData);
                out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
                int next = position + 12 + length;
                out.write(png, next, png.length - next);
                return out.toByteArray();
            }
            position += 12 + length;
        }
        throw new IllegalArgumentException("the PNG has no " + type + " chunk");
    }
}
