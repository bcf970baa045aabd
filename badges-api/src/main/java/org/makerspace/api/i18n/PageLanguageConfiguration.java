package org.makerspace.api.i18n;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the pages: the one a person chose with the FR/EN switch ({@code ?lang=en}), remembered in a cookie
 * for a year; else the one their browser prefers among ours; else French.
 */
@Configuration(proxyBeanMethods = false)
class PageLanguageConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        resolver.setDefaultLocaleFunction(Languages::of);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String language) {
                // Only the languages we speak: "?lang=de" keeps French rather than a page half in German.
                return Languages.of(super.parseLocaleValue(language));
            }
        };
        languageSwitch.setParamName(COOKIE);
        languageSwitch.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languageSwitch).addPathPatterns("/app/**", "/login", "/");
    }
}
