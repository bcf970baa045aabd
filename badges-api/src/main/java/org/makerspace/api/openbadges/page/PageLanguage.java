package org.makerspace.api.openbadges.page;

import java.util.List;
import java.util.Locale;

/**
 * The languages of the public pages: French by default, English when the {@code lang} parameter asks it, or else when
 * the browser's {@code Accept-Language} prefers English to French.
 */
enum PageLanguage {
    FR(Locale.FRENCH, "fr_FR"), EN(Locale.ENGLISH, "en_GB");

    private final Locale locale;
    private final String openGraphLocale;

    PageLanguage(Locale locale, String openGraphLocale) {
        this.locale = locale;
        this.openGraphLocale = openGraphLocale;
    }

    /** The {@code lang} attribute and parameter value: {@code fr} or {@code en}. */
    String tag() {
        return locale.getLanguage();
    }

    Locale locale() {
        return locale;
    }

    String openGraphLocale() {
        return openGraphLocale;
    }

    /** The explicit {@code lang} parameter if it names one of ours, else the browser's preference, else French. */
    static PageLanguage of(String parameter, String acceptLanguage) {
        for (PageLanguage language : values()) {
            if (language.tag().equalsIgnoreCase(parameter == null ? "" : parameter.strip())) {
                return language;
            }
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return FR;
        }
        try {
            String preferred = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), List.of("fr", "en"));
            return "en".equals(preferred) ? EN : FR;
        } catch (IllegalArgumentException e) {
            return FR;
        }
    }
}
