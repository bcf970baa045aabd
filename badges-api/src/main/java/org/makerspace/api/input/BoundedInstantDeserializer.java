package org.makerspace.api.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Reads an instant of a request body as Jackson's own reader does (ISO-8601, or a number of epoch seconds), then
 * refuses one outside {@link BusinessTime}'s bounds as a value of the wrong format, so the answer names the field.
 *
 * <p>A number is checked before Jackson reads it: Jackson reads {@code 1e300} seconds as the epoch (it gives up on
 * huge exponents rather than compute them), which would be a silent misreading within bounds.
 */
final class BoundedInstantDeserializer extends StdScalarDeserializer<Instant> {

    private static final long serialVersionUID = 1L;

    private static final BigDecimal EARLIEST_SECOND = BigDecimal.valueOf(BusinessTime.EARLIEST.getEpochSecond());
    private static final BigDecimal LATEST_SECOND = BigDecimal.valueOf(BusinessTime.LATEST.getEpochSecond() + 1);

    BoundedInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != null && parser.currentToken().isNumeric()) {
            BigDecimal seconds = parser.getDecimalValue();
            if (seconds.compareTo(EARLIEST_SECOND) < 0 || seconds.compareTo(LATEST_SECOND) >= 0) {
                throw outOfBounds(parser, context);
            }
        }
        Instant at;
        try {
            at = InstantDeserializer.INSTANT.deserialize(parser, context);
        } catch (DateTimeException beyondJava) {
            // "99999999999999999": a number of seconds as a string, past what an Instant holds
            throw outOfBounds(parser, context);
        }
        if (at != null && !BusinessTime.isWithinBounds(at)) {
            throw outOfBounds(parser, context);
        }
        return at;
    }

    private static IOException outOfBounds(JsonParser parser, DeserializationContext context) throws IOException {
        return context.weirdStringException(parser.getText(), Instant.class,
                                            "business times go " + BusinessTime.BOUNDS);
    }
}
