package org.makerspace.api.badgeimage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.MachineType;

/**
 * The colour of a badge, an opaque sRGB value. Every colour offered here is dark enough for white text to reach a
 * WCAG contrast of at least 4.5:1: the well-known machine types have a colour each, other machine types and
 * achievements without one get a palette colour chosen by a hash of their code or id, the same on every run.
 */
public record BadgeColour(int rgb) {

    static final BadgeColour RED = new BadgeColour(0xB91C1C);
    static final BadgeColour ORANGE = new BadgeColour(0x9A3412);
    static final BadgeColour AMBER = new BadgeColour(0x92400E);
    static final BadgeColour GREEN = new BadgeColour(0x15803D);
    static final BadgeColour TEAL = new BadgeColour(0x0F766E);
    static final BadgeColour CYAN = new BadgeColour(0x155E75);
    static final BadgeColour BLUE = new BadgeColour(0x1D4ED8);
    static final BadgeColour INDIGO = new BadgeColour(0x4338CA);
    static final BadgeColour VIOLET = new BadgeColour(0x6D28D9);
    static final BadgeColour FUCHSIA = new BadgeColour(0x86198F);
    static final BadgeColour ROSE = new BadgeColour(0xBE123C);
    static final BadgeColour SLATE = new BadgeColour(0x334155);

    /** Every colour a default badge can have. */
    public static final List<BadgeColour> PALETTE = List.of(RED, ORANGE, AMBER, GREEN, TEAL, CYAN, BLUE, INDIGO,
                                                            VIOLET, FUCHSIA, ROSE, SLATE);
    public static final BadgeColour WHITE = new BadgeColour(0xFFFFFF);

    private static final Map<MachineType, BadgeColour> MACHINE_TYPES = Map.of(
            MachineType.LASER_CUTTER, RED,
            MachineType.PRINTER_3D, BLUE,
            MachineType.CNC_MILL, AMBER,
            MachineType.VINYL_CUTTER, FUCHSIA,
            MachineType.DARKROOM, SLATE,
            MachineType.DRONE, CYAN,
            MachineType.VR_HEADSET, VIOLET);

    public BadgeColour {
        if ((rgb & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("a badge colour is a 24-bit RGB value, not " + Integer.toHexString(rgb));
        }
    }

    /** The colour of a machine type: fixed for the well-known ones, from the palette by hash for the others. */
    public static BadgeColour of(MachineType machineType) {
        BadgeColour known = MACHINE_TYPES.get(machineType);
        return known != null ? known : fromPalette("machine-type:" + machineType.code());
    }

    /** The colour of an achievement that names no machine type: from the palette by a hash of its id. */
    public static BadgeColour of(AchievementId achievementId) {
        return fromPalette("achievement:" + achievementId.value());
    }

    /** {@code #RRGGBB}, upper case. */
    public String hex() {
        return String.format(Locale.ROOT, "#%06X", rgb);
    }

    /** The WCAG 2 contrast ratio between this colour and another, from 1 to 21. */
    public double contrastWith(BadgeColour other) {
        double one = relativeLuminance();
        double two = other.relativeLuminance();
        return (Math.max(one, two) + 0.05) / (Math.min(one, two) + 0.05);
    }

    private double relativeLuminance() {
        return 0.2126 * linear(rgb >> 16) + 0.7152 * linear(rgb >> 8) + 0.0722 * linear(rgb);
    }

    private static double linear(int channel) {
        double c = (channel & 0xFF) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static BadgeColour fromPalette(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            int value = ((hash[0] & 0xFF) << 24 | (hash[1] & 0xFF) << 16 | (hash[2] & 0xFF) << 8 | hash[3] & 0xFF) >>> 1;
            return PALETTE.get(value % PALETTE.size());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
