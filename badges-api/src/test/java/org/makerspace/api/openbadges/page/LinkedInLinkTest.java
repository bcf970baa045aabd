package org.makerspace.api.openbadges.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkedInLinkTest {

    @Test
    void everyValueIsPercentEncodedAndMonthsAreTakenInUtc() {
        String link = LinkedInLink.of("Laser & découpe", "Lab #1", Instant.parse("2026-01-31T23:30:00Z"),
                                      Instant.parse("2027-02-01T00:00:00Z"), "https://x.example/badges/a%2Fb",
                                      "urn:uuid:1");

        assertThat(link).isEqualTo("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"
                                   + "&name=Laser%20%26%20d%C3%A9coupe&organizationName=Lab%20%231"
                                   + "&issueYear=2026&issueMonth=1&expirationYear=2027&expirationMonth=2"
                                   + "&certUrl=https%3A%2F%2Fx.example%2Fbadges%2Fa%252Fb&certId=urn%3Auuid%3A1");
    }

    @Test
    void noExpirationWhenTheCredentialHasNoEnd() {
        assertThat(LinkedInLink.of("A", "B", Instant.parse("2026-05-01T00:00:00Z"), null, "https://x.example/", "c"))
                .doesNotContain("expiration");
    }
}
