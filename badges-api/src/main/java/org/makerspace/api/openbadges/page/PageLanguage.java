package org.makerspace.api.openbadges.page;

import java.util.Locale;
import org.makerspace.api.i18n.Languages;

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
        return Languages.preferred(acceptLanguage).equals(EN.locale) ? EN : FR;
    }
}
