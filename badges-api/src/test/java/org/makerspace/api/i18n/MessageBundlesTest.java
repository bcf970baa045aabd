package org.makerspace.api.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/** Every sentence exists in both languages, and the bundles are read as UTF-8 with French as the default. */
class MessageBundlesTest {

    private final MessageSource messages = new MessagesConfiguration().messageSource();

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(bundle("messages_fr.properties").stringPropertyNames())
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(bundle("messages_en.properties").stringPropertyNames());
    }

    @Test
    void noSentenceIsLeftEmpty() {
        for (String name : new String[] {"messages_fr.properties", "messages_en.properties"}) {
            Properties bundle = bundle(name);
            assertThat(bundle.stringPropertyNames()).allSatisfy(key ->
                    assertThat(bundle.getProperty(key)).as(name + " " + key).isNotBlank());
        }
    }

    @Test
    void frenchIsTheDefaultWhateverTheLanguageAsked() {
        String french = messages.getMessage("import.recipient-mismatch", null, Locale.FRENCH);

        assertThat(messages.getMessage("import.recipient-mismatch", null, Languages.of(Locale.GERMAN)))
                .isEqualTo(french);
        assertThat(messages.getMessage("import.recipient-mismatch", null, Languages.of((Locale) null))).isEqualTo(french);
        assertThat(messages.getMessage("import.recipient-mismatch", null, Languages.of(Locale.UK)))
                .startsWith("This badge");
    }

    @Test
    void accentsAndApostrophesSurviveTheBundle() {
        assertThat(messages.getMessage("import.recipient-mismatch", null, Locale.FRENCH))
                .contains("d'une autre adresse", "à vous");
    }

    private static Properties bundle(String name) {
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
