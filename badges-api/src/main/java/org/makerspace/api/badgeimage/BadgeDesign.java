package org.makerspace.api.badgeimage;

import java.util.Objects;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.MachineType;

/**
 * What a default badge shows: the achievement's name, the lab's name, a colour. Names are kept as given but for
 * their whitespace, collapsed to single spaces, and characters XML cannot carry (control characters, lone
 * surrogates), dropped; escaping is the renderer's job.
 */
public record BadgeDesign(String achievementName, String labName, BadgeColour colour) {

    public BadgeDesign {
        achievementName = clean(achievementName, "achievementName");
        labName = clean(labName, "labName");
        Objects.requireNonNull(colour, "colour");
    }

    /** The design of an achievement, coloured after its machine type when it names one, else after its id. */
    public static BadgeDesign of(String achievementName, String labName, AchievementId achievementId,
                                 MachineType machineTypeOrNull) {
        Objects.requireNonNull(achievementId, "achievementId");
        BadgeColour colour = machineTypeOrNull != null ? BadgeColour.of(machineTypeOrNull) : BadgeColour.of(achievementId);
        return new BadgeDesign(achievementName, labName, colour);
    }

    private static String clean(String text, String name) {
        Objects.requireNonNull(text, name);
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints()
                .map(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : c)
                .filter(BadgeDesign::isXmlCharacter)
                .forEach(cleaned::appendCodePoint);
        String collapsed = cleaned.toString().replaceAll(" {2,}", " ").strip();
        if (collapsed.isEmpty()) {
            throw new IllegalArgumentException(name + " must show something, but was '" + text + "'");
        }
        return collapsed;
    }

    /** XML 1.0's Char production, less the whitespace already turned into spaces and the control characters. */
    private static boolean isXmlCharacter(int c) {
        return !Character.isISOControl(c) && (c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF);
    }
}
