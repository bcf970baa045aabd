package org.makerspace.api.badgeimage;

import java.util.List;

/**
 * The one geometry of the default badge, in a 512 by 512 square, that the SVG writer and the Java2D painter both
 * follow: a disc in the badge colour, a white ring, a white star above the achievement's name (up to three lines),
 * a short rule, the lab's name below it. All text is white on the badge colour.
 */
final class BadgeGeometry {

    static final int SIZE = 512;
    static final double CENTER = SIZE / 2.0;
    static final double DISC_RADIUS = 248;
    static final double RING_RADIUS = 222;
    static final double RING_WIDTH = 6;
    static final double STAR_Y = 122;
    static final double STAR_OUTER = 34;
    static final double STAR_INNER = 14;
    /** The widest a line of the name may be. */
    static final double NAME_WIDTH = 360;
    static final int NAME_MAX_CHARS = 16;
    static final int NAME_MAX_LINES = 3;
    static final double NAME_CENTER_Y = 262;
    /** A bold sans-serif letter is about this wide, in ems, on average: used to size text without a font. */
    static final double AVERAGE_BOLD_ADVANCE = 0.62;
    static final double RULE_Y = 364;
    static final double RULE_HALF_LENGTH = 70;
    static final double RULE_WIDTH = 3;
    static final double LAB_Y = 404;
    static final double LAB_FONT_SIZE = 22;
    static final double LAB_WIDTH = 320;
    static final int LAB_MAX_CHARS = 26;
    /** Font families for the SVG, the first one being what the PNG is drawn with on a typical server. */
    static final String FONT_FAMILIES = "'DejaVu Sans', Verdana, Arial, Helvetica, sans-serif";

    private BadgeGeometry() {
    }

    /** The name's lines, their font size and the baseline of each. */
    record NameLayout(List<String> lines, double fontSize, List<Double> baselines) {
    }

    static NameLayout name(String achievementName) {
        List<String> lines = TextLines.wrap(achievementName, NAME_MAX_CHARS, NAME_MAX_LINES);
        int longest = lines.stream().mapToInt(TextLines::length).max().orElse(1);
        double base = switch (lines.size()) {
            case 1 -> 54;
            case 2 -> 46;
            default -> 40;
        };
        double fontSize = Math.min(base, Math.floor(NAME_WIDTH / (AVERAGE_BOLD_ADVANCE * longest)));
        double lineHeight = Math.round(fontSize * 1.15);
        double first = NAME_CENTER_Y - (lines.size() - 1) * lineHeight / 2 + Math.round(fontSize * 0.36);
        List<Double> baselines = java.util.stream.IntStream.range(0, lines.size())
                .mapToObj(i -> first + i * lineHeight).toList();
        return new NameLayout(lines, fontSize, baselines);
    }

    /** The lab's name on one line, cut with an ellipsis when too long. */
    static String lab(String labName) {
        return TextLines.wrap(labName, LAB_MAX_CHARS, 1).get(0);
    }

    /** The star's ten corners, outer and inner in turn from the top, as x, y pairs rounded to a tenth. */
    static double[] star() {
        double[] points = new double[20];
        for (int i = 0; i < 10; i++) {
            double radius = i % 2 == 0 ? STAR_OUTER : STAR_INNER;
            double angle = StrictMath.toRadians(-90 + i * 36);
            points[2 * i] = Math.round((CENTER + radius * StrictMath.cos(angle)) * 10) / 10.0;
            points[2 * i + 1] = Math.round((STAR_Y + radius * StrictMath.sin(angle)) * 10) / 10.0;
        }
        return points;
    }
}
