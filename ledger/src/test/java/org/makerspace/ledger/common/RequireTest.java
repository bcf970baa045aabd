package org.makerspace.ledger.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequireTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://fablab.paris", "http://lab.example.org/about", "HTTPS://LAB.EXAMPLE:8443/x?y=z"})
    void acceptsAbsoluteHttpUrls(String url) {
        assertThat(Require.httpUrl(url, "publicUrl")).isEqualTo(url);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "fablab.paris", "/about", "ftp://lab.example.org", "https:lab", "https://", "mailto:a@b.c",
            "javascript:alert(1)", "https://fab lab.paris"})
    void refusesAnythingElseAsHttpUrl(String url) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Require.httpUrl(url, "publicUrl"))
                .withMessageStartingWith("publicUrl must be an absolute http(s) URL");
    }

    @Test
    void optionalHttpUrlAcceptsAbsence() {
        assertThat(Require.optionalHttpUrl(null, "imageUrl")).isNull();
    }

    @Test
    void optionalHttpUrlRefusesBlank() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Require.optionalHttpUrl(" ", "imageUrl"))
                .withMessageStartingWith("imageUrl must be absent or an absolute http(s) URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1000.01"})
    void refusesHoursOutsideTheRange(String hours) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Require.positiveAtMost(new BigDecimal(hours), new BigDecimal("1000"), "hours"))
                .withMessage("hours must be more than 0 and at most 1000, but was " + hours);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.25", "1000", "1000.00"})
    void acceptsHoursInsideTheRange(String hours) {
        assertThat(Require.positiveAtMost(new BigDecimal(hours), new BigDecimal("1000"), "hours")).isEqualByComparingTo(hours);
    }

    @Test
    void refusesAnIntegerOutsideItsBounds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Require.between(1441, 1, 1440, "maxSessionMinutes"))
                .withMessage("maxSessionMinutes must be between 1 and 1440, but was 1441");
    }

    @Test
    void refusesRepeatedElements() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Require.distinctElements(List.of("a", "b", "a"), "criteria"))
                .withMessage("criteria must not repeat an element, but repeats a");
    }

    @Test
    void refusesAnEmptyList() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Require.distinctElements(List.of(), "criteria"))
                .withMessage("criteria must hold at least one element");
    }

    @ParameterizedTest
    @ValueSource(strings = {"contact", "a@b", "a b@c.d", ""})
    void refusesWhatIsNotShapedLikeAnEmailAddress(String email) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Require.optionalEmail(email, "contactEmail"))
                .withMessageStartingWith("contactEmail must be absent or an e-mail address");
    }

    @Test
    void refusesABlankText() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Require.notBlank("  ", "name"))
                .withMessage("name must not be blank");
    }

    @Test
    void refusesAMissingValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Require.present(null, "since"))
                .withMessage("since is required");
    }
}
