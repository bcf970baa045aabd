package org.makerspace.api.input;

import java.text.ParseException;
import java.time.Instant;
import java.util.Locale;
import org.springframework.format.Formatter;
import org.springframework.format.datetime.standard.InstantFormatter;

/** Reads an instant query parameter ({@code at}, {@code from}, {@code to}) as Spring does, within the same bounds. */
final class BoundedInstantFormatter implements Formatter<Instant> {

    private final InstantFormatter spring = new InstantFormatter();

    @Override
    public Instant parse(String text, Locale locale) throws ParseException {
        Instant at = spring.parse(text, locale);
        if (!BusinessTime.isWithinBounds(at)) {
            throw new IllegalArgumentException("business times go " + BusinessTime.BOUNDS + ", but was " + text);
        }
        return at;
    }

    @Override
    public String print(Instant at, Locale locale) {
        return spring.print(at, locale);
    }
}
