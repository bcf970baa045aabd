package org.makerspace.api.badgeimage;

/** The default images of an achievement: the SVG badge, a PNG of it, and an Open Graph card. */
public final class DefaultBadgeImage {

    /** The side of the PNG badge, in pixels. */
    public static final int BADGE_SIZE = 512;
    public static final int OPEN_GRAPH_WIDTH = BadgePainter.CARD_WIDTH;
    public static final int OPEN_GRAPH_HEIGHT = BadgePainter.CARD_HEIGHT;

    static {
        // Before anything touches AWT: a server has no display, and the images need none.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private DefaultBadgeImage() {
    }

    /** The badge as SVG (UTF-8); the same design always gives the same bytes. */
    public static byte[] svg(BadgeDesign design) {
        return BadgeSvg.write(design);
    }

    /** The badge as a 512x512 PNG with a transparent background. */
    public static byte[] badgePng(BadgeDesign design) {
        return BadgePainter.badge(design, BADGE_SIZE);
    }

    /** A 1200x630 PNG card for link previews (Open Graph, and the like). */
    public static byte[] openGraphPng(BadgeDesign design) {
        return BadgePainter.openGraphCard(design);
    }
}
