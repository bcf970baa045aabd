package org.makerspace.api.badgeimage;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a name into lines by counting characters (code points), not by measuring a font: the SVG must come out
 * the same on every machine, whatever fonts it has. Lines break between words; a word longer than a line is cut;
 * text beyond the last line ends in an ellipsis.
 */
final class TextLines {

    private static final String ELLIPSIS = "\u2026";

    private TextLines() {
    }

    static List<String> wrap(String text, int maxChars, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words(text, maxChars)) {
            if (line.length() > 0 && length(line) + 1 + length(word) > maxChars) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (lines.size() <= maxLines) {
            return List.copyOf(lines);
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        String last = kept.get(maxLines - 1);
        kept.set(maxLines - 1, prefix(last, maxChars - 1) + ELLIPSIS);
        return List.copyOf(kept);
    }

    /** The words of the text, those longer than a line cut into pieces of a line. */
    private static List<String> words(String text, int maxChars) {
        List<String> words = new ArrayList<>();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            int[] codePoints = word.codePoints().toArray();
            for (int start = 0; start < codePoints.length; start += maxChars) {
                words.add(new String(codePoints, start, Math.min(maxChars, codePoints.length - start)));
            }
        }
        return words;
    }

    static int length(CharSequence text) {
        return (int) text.codePoints().count();
    }

    private static String prefix(String text, int codePoints) {
        return length(text) <= codePoints ? text : text.substring(0, text.offsetByCodePoints(0, codePoints));
    }
}
