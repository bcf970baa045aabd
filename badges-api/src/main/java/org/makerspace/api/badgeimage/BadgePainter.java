package org.makerspace.api.badgeimage;

import static org.makerspace.api.badgeimage.BadgeGeometry.CENTER;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the badge with Java2D, after the same geometry as the SVG, and the Open Graph card around it. Unlike the
 * SVG, the painter can measure its font, so a line that comes out wider than its room is drawn smaller.
 */
final class BadgePainter {

    static final int CARD_WIDTH = 1200;
    static final int CARD_HEIGHT = 630;
    private static final String FONT = Font.SANS_SERIF;
    private static final Color INK = new Color(0x0F172A);
    private static final Color SOFT_INK = new Color(0x334155);
    private static final Color PAPER = new Color(0xF8FAFC);

    private BadgePainter() {
    }

    /** The badge alone, {@code size} pixels square, on a transparent background. */
    static byte[] badge(BadgeDesign design, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(image);
        try {
            g.scale(size / (double) BadgeGeometry.SIZE, size / (double) BadgeGeometry.SIZE);
            paintBadge(g, design);
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /**
     * A 1200x630 card: the badge on the left, and on the right the achievement's name in large dark type, the
     * lab's name under it, a caption and a bar in the badge colour. Opaque, as link previews expect.
     */
    static byte[] openGraphCard(BadgeDesign design) {
        BufferedImage image = new BufferedImage(CARD_WIDTH, CARD_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        try {
            Color colour = new Color(design.colour().rgb());
            g.setColor(PAPER);
            g.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
            g.setColor(colour);
            g.fillRect(0, CARD_HEIGHT - 24, CARD_WIDTH, 24);

            Graphics2D badge = (Graphics2D) g.create();
            badge.translate(70, 68);
            badge.scale(470.0 / BadgeGeometry.SIZE, 470.0 / BadgeGeometry.SIZE);
            paintBadge(badge, design);
            badge.dispose();

            int left = 600;
            int width = 540;
            Font captionFont = new Font(FONT, Font.BOLD, 26);
            List<String> lines = TextLines.wrap(design.achievementName(), 20, 3);
            Font nameFont = fitting(g, new Font(FONT, Font.BOLD, 60), lines, width);
            String lab = TextLines.wrap(design.labName(), 40, 1).get(0);
            Font labFont = fitting(g, new Font(FONT, Font.PLAIN, 32), List.of(lab), width);
            int lineHeight = Math.round(nameFont.getSize2D() * 1.15f);
            int block = 26 + 24 + lines.size() * lineHeight + 24 + 32;
            int y = (CARD_HEIGHT - 24 - block) / 2 + 26;

            g.setColor(colour);
            g.setFont(captionFont);
            g.drawString("OPEN BADGE", left, y);
            y += 24;
            g.setColor(INK);
            g.setFont(nameFont);
            for (String line : lines) {
                y += lineHeight;
                g.drawString(line, left, y);
            }
            y += 24 + 32;
            g.setColor(SOFT_INK);
            g.setFont(labFont);
            g.drawString(lab, left, y);
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private static void paintBadge(Graphics2D g, BadgeDesign design) {
        Color colour = new Color(design.colour().rgb());
        g.setColor(colour);
        double disc = BadgeGeometry.DISC_RADIUS;
        g.fill(new Ellipse2D.Double(CENTER - disc, CENTER - disc, 2 * disc, 2 * disc));

        g.setColor(Color.WHITE);
        double ring = BadgeGeometry.RING_RADIUS;
        g.setStroke(new BasicStroke((float) BadgeGeometry.RING_WIDTH));
        g.draw(new Ellipse2D.Double(CENTER - ring, CENTER - ring, 2 * ring, 2 * ring));

        double[] points = BadgeGeometry.star();
        Path2D.Double star = new Path2D.Double();
        star.moveTo(points[0], points[1]);
        for (int i = 2; i < points.length; i += 2) {
            star.lineTo(points[i], points[i + 1]);
        }
        star.closePath();
        g.fill(star);

        BadgeGeometry.NameLayout name = BadgeGeometry.name(design.achievementName());
        Font nameFont = fitting(g, new Font(FONT, Font.BOLD, 1).deriveFont((float) name.fontSize()), name.lines(),
                                BadgeGeometry.NAME_WIDTH);
        for (int i = 0; i < name.lines().size(); i++) {
            drawCentred(g, name.lines().get(i), nameFont, name.baselines().get(i));
        }

        g.setStroke(new BasicStroke((float) BadgeGeometry.RULE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(CENTER - BadgeGeometry.RULE_HALF_LENGTH, BadgeGeometry.RULE_Y,
                                 CENTER + BadgeGeometry.RULE_HALF_LENGTH, BadgeGeometry.RULE_Y));

        String lab = BadgeGeometry.lab(design.labName());
        Font labFont = fitting(g, new Font(FONT, Font.PLAIN, 1).deriveFont((float) BadgeGeometry.LAB_FONT_SIZE),
                               List.of(lab), BadgeGeometry.LAB_WIDTH);
        drawCentred(g, lab, labFont, BadgeGeometry.LAB_Y);
    }

    private static void drawCentred(Graphics2D g, String text, Font font, double baseline) {
        g.setFont(font);
        float width = (float) font.getStringBounds(text, g.getFontRenderContext()).getWidth();
        g.drawString(text, (float) (CENTER - width / 2), (float) baseline);
    }

    /** The font, made smaller if the widest line would not fit {@code width}. */
    private static Font fitting(Graphics2D g, Font font, List<String> lines, double width) {
        FontMetrics metrics = g.getFontMetrics(font);
        double widest = lines.stream()
                .mapToDouble(line -> font.getStringBounds(line, metrics.getFontRenderContext()).getWidth())
                .max().orElse(0);
        return widest <= width ? font : font.deriveFont((float) (font.getSize2D() * width / widest));
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this Java runtime has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG in memory failed", e);
        }
        return out.toByteArray();
    }
}
