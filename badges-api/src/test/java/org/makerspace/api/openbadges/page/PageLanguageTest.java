package org.makerspace.api.openbadges.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageLanguageTest {

    @Test
    void frenchWhenNothingIsAsked() {
        assertThat(PageLanguage.of(null, null)).isEqualTo(PageLanguage.FR);
        assertThat(PageLanguage.of("", "")).isEqualTo(PageLanguage.FR);
    }

    @Test
    void theLangParameterWinsOverTheBrowser() {
        assertThat(PageLanguage.of("en", "fr-FR")).isEqualTo(PageLanguage.EN);
        assertThat(PageLanguage.of("FR", "en-US")).isEqualTo(PageLanguage.FR);
    }

    @Test
    void theBrowsersFirstKnownPreferenceElseFrench() {
        assertThat(PageLanguage.of(null, "de-DE,en;q=0.8,fr;q=0.5")).isEqualTo(PageLanguage.EN);
        assertThat(PageLanguage.of(null, "en;q=0.4,fr-CA;q=0.9")).isEqualTo(PageLanguage.FR);
        assertThat(PageLanguage.of("de", "es")).isEqualTo(PageLanguage.FR);
        assertThat(PageLanguage.of(null, ";;not a header")).isEqualTo(PageLanguage.FR);
    }
}
