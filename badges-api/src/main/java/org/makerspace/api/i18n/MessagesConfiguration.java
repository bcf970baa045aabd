package org.makerspace.api.i18n;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles: {@code messages_fr} and {@code messages_en} (UTF-8). French is the default, for any language
 * but English, never the server's own locale.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.FRENCH);
        // one quoting rule for every sentence, whether or not it takes arguments: '' is an apostrophe
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }
}
