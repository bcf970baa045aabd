package org.makerspace.api.openbadges.page;

/**
 * A small HTML writer whose every text and attribute value is escaped: {@code & < > " '} become character
 * references, so nothing a lab or a credential says can open a tag or leave an attribute. Tag and attribute names
 * are the code's own constants; only {@link #trusted} writes markup as it is, and only markup this package made.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(16_384);

    /** Opens {@code tag} with attributes given as name, value pairs; a null value leaves its attribute out. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    /** An element holding only text. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** A void element ({@code meta}, {@code link}, {@code img}). */
    Html empty(String tag, String... attributes) {
        open(tag, attributes);
        out.append('\n');
        return this;
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Markup written as it is: only constants of this package and markup it generated itself. */
    Html trusted(String markup) {
        out.append(markup);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
