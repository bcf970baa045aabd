package org.makerspace.api.i18n;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;

/** The languages people are answered in: English when they ask for it before French, French otherwise. */
public final class Languages {

    private static final List<Locale> SPOKEN = List.of(Locale.FRENCH, Locale.ENGLISH);

    private Languages() {
    }

    public static Locale of(Locale asked) {
        return asked != null && asked.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? Locale.ENGLISH
                                                                                          : Locale.FRENCH;
    }

    /**
     * The language of the request's {@code Accept-Language}, in the order of preference it gives; French when it
     * names none we speak, or is absent (the servlet's own fallback would be the server's locale).
     */
    public static Locale of(HttpServletRequest request) {
        return preferred(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The language an {@code Accept-Language} value prefers among ours; French when none, or when it is absent. */
    public static Locale preferred(String header) {
        if (header == null || header.isBlank()) {
            return Locale.FRENCH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SPOKEN);
            return best == null ? Locale.FRENCH : best;
        } catch (IllegalArgumentException unreadable) {
            return Locale.FRENCH;
        }
    }
}
