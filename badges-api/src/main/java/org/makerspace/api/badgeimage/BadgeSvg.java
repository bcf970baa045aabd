package org.makerspace.api.badgeimage;

import static org.makerspace.api.badgeimage.BadgeGeometry.CENTER;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Writes the badge as SVG text by hand, every number in a fixed format, so the same design gives the same bytes.
 * The image is announced as one picture ({@code role="img"}) labelled by its {@code <title>} and {@code <desc>},
 * whose ids carry a hash of the design so that several badges inlined in one page do not share an id.
 */
final class BadgeSvg {

    private BadgeSvg() {
    }

    static byte[] write(BadgeDesign design) {
        String colour = design.colour().hex();
        String white = BadgeColour.WHITE.hex();
        String id = idOf(design);
        BadgeGeometry.NameLayout name = BadgeGeometry.name(design.achievementName());
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"512\" height=\"512\" viewBox=\"0 0 512 512\" ")
                .append("role=\"img\" aria-labelledby=\"title-").append(id).append(" desc-").append(id).append("\">\n");
        svg.append("  <title id=\"title-").append(id).append("\">").append(escape(design.achievementName()))
                .append("</title>\n");
        svg.append("  <desc id=\"desc-").append(id).append("\">")
                .append(escape("Badge \u201c" + design.achievementName() + "\u201d awarded by " + design.labName()))
                .append("</desc>\n");
        svg.append("  <circle cx=\"").append(number(CENTER)).append("\" cy=\"").append(number(CENTER))
                .append("\" r=\"").append(number(BadgeGeometry.DISC_RADIUS)).append("\" fill=\"").append(colour)
                .append("\"/>\n");
        svg.append("  <circle cx=\"").append(number(CENTER)).append("\" cy=\"").append(number(CENTER))
                .append("\" r=\"").append(number(BadgeGeometry.RING_RADIUS)).append("\" fill=\"none\" stroke=\"")
                .append(white).append("\" stroke-width=\"").append(number(BadgeGeometry.RING_WIDTH)).append("\"/>\n");
        svg.append("  <path d=\"").append(starPath()).append("\" fill=\"").append(white).append("\"/>\n");
        svg.append("  <text font-family=\"").append(BadgeGeometry.FONT_FAMILIES).append("\" font-size=\"")
                .append(number(name.fontSize())).append("\" font-weight=\"700\" fill=\"").append(white)
                .append("\" text-anchor=\"middle\">\n");
        for (int i = 0; i < name.lines().size(); i++) {
            svg.append("    <tspan x=\"").append(number(CENTER)).append("\" y=\"")
                    .append(number(name.baselines().get(i))).append("\">").append(escape(name.lines().get(i)))
                    .append("</tspan>\n");
        }
        svg.append("  </text>\n");
        svg.append("  <line x1=\"").append(number(CENTER - BadgeGeometry.RULE_HALF_LENGTH)).append("\" y1=\"")
                .append(number(BadgeGeometry.RULE_Y)).append("\" x2=\"")
                .append(number(CENTER + BadgeGeometry.RULE_HALF_LENGTH)).append("\" y2=\"")
                .append(number(BadgeGeometry.RULE_Y)).append("\" stroke=\"").append(white)
                .append("\" stroke-width=\"").append(number(BadgeGeometry.RULE_WIDTH))
                .append("\" stroke-linecap=\"round\"/>\n");
        svg.append("  <text x=\"").append(number(CENTER)).append("\" y=\"").append(number(BadgeGeometry.LAB_Y))
                .append("\" font-family=\"").append(BadgeGeometry.FONT_FAMILIES).append("\" font-size=\"")
                .append(number(BadgeGeometry.LAB_FONT_SIZE)).append("\" fill=\"").append(white)
                .append("\" text-anchor=\"middle\">").append(escape(BadgeGeometry.lab(design.labName())))
                .append("</text>\n");
        svg.append("</svg>\n");
        return svg.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Text and attribute values with the five XML special characters escaped. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String starPath() {
        double[] points = BadgeGeometry.star();
        StringBuilder path = new StringBuilder("M");
        for (int i = 0; i < points.length; i += 2) {
            path.append(i == 0 ? "" : "L").append(number(points[i])).append(' ').append(number(points[i + 1]));
        }
        return path.append('Z').toString();
    }

    /** A number with at most one decimal, without a trailing {@code .0}, whatever the default locale. */
    private static String number(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : String.format(Locale.ROOT, "%.1f", rounded);
    }

    private static String idOf(BadgeDesign design) {
        try {
            String key = design.achievementName() + "\n" + design.labName() + "\n" + design.colour().hex();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
