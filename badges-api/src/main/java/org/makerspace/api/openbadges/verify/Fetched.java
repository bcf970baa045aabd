package org.makerspace.api.openbadges.verify;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A document a partner's host answered, with what its cache headers allow: how long it may be used without asking
 * again ({@code Cache-Control: max-age}; none said: the caller's own limit), whether it must be asked for again every
 * time ({@code no-cache}: revalidated, {@code no-store}: not even kept), and its {@code ETag} to ask again cheaply.
 * {@code text} is null for a {@code 304 Not Modified}: the caller's copy still holds.
 */
record Fetched(String text, String etag, Optional<Duration> maxAge, boolean noStore) {

    static Fetched of(String text, HttpHeaders headers) {
        String etag = headers.firstValue("ETag").orElse(null);
        Optional<Duration> maxAge = Optional.empty();
        boolean noStore = false;
        for (String directive : headers.allValues("Cache-Control").stream()
                .flatMap(value -> Arrays.stream(value.split(","))).toList()) {
            String name = directive.strip().toLowerCase(Locale.ROOT);
            if (name.equals("no-store")) {
                noStore = true;
            } else if (name.equals("no-cache")) {
                maxAge = Optional.of(Duration.ZERO);
            } else if (name.startsWith("max-age=") && maxAge.isEmpty()) {
                try {
                    maxAge = Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(name.substring(8).strip()))));
                } catch (NumberFormatException unreadable) {
                    maxAge = Optional.of(Duration.ZERO);
                }
            }
        }
        return new Fetched(text, etag, maxAge, noStore);
    }

    boolean notModified() {
        return text == null;
    }
}
