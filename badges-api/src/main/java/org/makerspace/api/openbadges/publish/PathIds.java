package org.makerspace.api.openbadges.publish;

import java.util.function.Function;
import org.makerspace.api.problem.NotFound;

/** Identifiers read from a public path: one that cannot be an identifier names nothing, a 404 rather than a 400. */
final class PathIds {

    private PathIds() {
    }

    static <T> T parse(String kind, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw NotFound.of(kind, value);
        }
    }
}
