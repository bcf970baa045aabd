package org.makerspace.api.input;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.Instant;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC reads request bodies with a stricter copy of the application's JSON mapper, and instant parameters within
 * bounds. Each setting answers what a fuzzer found: with the defaults, {@code {"labId":"a","labId":"b"}} silently kept
 * the last value, {@code "roles":[null]} and {@code "periods":[null]} reached the controllers and failed there (500),
 * {@code "months":1.5} was truncated to 1 although the schema says integer, and an instant in year 999999999 was
 * recorded, to overflow later. Now each is a 400 naming the field.
 *
 * <p>Only the converters of Spring MVC get the copy: the application's mapper, which also writes events and reads
 * partners' documents, keeps its settings.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyConfiguration implements WebMvcConfigurer {

    private final ObjectMapper json;

    RequestBodyConfiguration(ObjectMapper json) {
        this.json = json;
    }

    /** The application's mapper, reading strictly: for request bodies only. */
    static ObjectMapper strict(ObjectMapper json) {
        ObjectMapper strict = json.copy()
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // null inside any array or collection: no request takes one, and none of our records expects one
                .setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .registerModule(new SimpleModule("business-time")
                                        .addDeserializer(Instant.class, new BoundedInstantDeserializer()));
        strict.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        return strict;
    }

    /**
     * Replaces the JSON converter in MVC's own list by one that reads strictly. A new converter, not the shared one
     * given a new mapper: the shared one also serves the application's HTTP clients.
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        ObjectMapper strict = strict(json);
        converters.replaceAll(converter -> converter.getClass() == MappingJackson2HttpMessageConverter.class
                ? new MappingJackson2HttpMessageConverter(strict) : converter);
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new BoundedInstantFormatter());
    }
}
