package org.makerspace.api.openbadges.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a partner's cache headers allow us to do with a status list it answered. */
class FetchedTest {

    private static Fetched answered(Map<String, List<String>> headers) {
        return Fetched.of("{}", HttpHeaders.of(headers, (name, value) -> true));
    }

    @Test
    void maxAgeSaysHowLongTheListMayBeUsed() {
        Fetched fetched = answered(Map.of("Cache-Control", List.of("public, max-age=600"), "ETag", List.of("\"v1\"")));

        assertThat(fetched.maxAge()).contains(Duration.ofMinutes(10));
        assertThat(fetched.etag()).isEqualTo("\"v1\"");
        assertThat(fetched.noStore()).isFalse();
    }

    @Test
    void noCacheMeansAskAgainEveryTime() {
        assertThat(answered(Map.of("Cache-Control", List.of("no-cache, public"))).maxAge()).contains(Duration.ZERO);
    }

    @Test
    void noStoreMeansKeepNothing() {
        assertThat(answered(Map.of("Cache-Control", List.of("no-store"))).noStore()).isTrue();
    }

    @Test
    void noHeadersLeaveItToTheCaller() {
        Fetched fetched = answered(Map.of());

        assertThat(fetched.maxAge()).isEmpty();
        assertThat(fetched.etag()).isNull();
    }

    @Test
    void anUnreadableMaxAgeIsNotTrusted() {
        assertThat(answered(Map.of("Cache-Control", List.of("max-age=soon"))).maxAge()).contains(Duration.ZERO);
    }
}
