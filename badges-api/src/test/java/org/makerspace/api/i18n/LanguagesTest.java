package org.makerspace.api.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which language a request is answered in. */
class LanguagesTest {

    @Test
    void noPreferenceIsAnsweredInFrench() {
        assertThat(Languages.of(asking(null))).isEqualTo(Locale.FRENCH);
    }

    @Test
    void englishFromAnyRegionIsAnsweredInEnglish() {
        assertThat(Languages.of(asking("en-GB,en;q=0.8"))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theOrderOfPreferenceDecides() {
        assertThat(Languages.of(asking("de-DE, fr;q=0.5, en;q=0.9"))).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.of(asking("fr-BE, en;q=0.9"))).isEqualTo(Locale.FRENCH);
    }

    @Test
    void aLanguageWeDoNotSpeakOrAnUnreadableHeaderIsAnsweredInFrench() {
        assertThat(Languages.of(asking("de-DE"))).isEqualTo(Locale.FRENCH);
        assertThat(Languages.of(asking("en;q=nonsense"))).isEqualTo(Locale.FRENCH);
    }

    private static MockHttpServletRequest asking(String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        return request;
    }
}
