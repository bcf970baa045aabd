package org.makerspace.api.openbadges.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.HeadlessChromium;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Someone follows a shared badge link in a real browser set to French: the page says what was earned and by whom,
 * every check passed, and offers LinkedIn, a QR code and a preview image; in English on request; and after the lab
 * revokes the award, the same link says so.
 */
class CredentialPageBrowserTest extends CredentialPageTestSupport {

    private static final String NAME = "Pilote laser & découpe";
    private static final List<String> CHECKS = List.of("signature", "contexts", "safe_mode", "schema", "validity",
                                                       "status", "issuer_trusted");

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSharedBadgeIsVerifiedInFrenchThenEnglishThenShownRevoked() {
        Award award = earn(NAME);
        ObjectNode credential = CredentialJson.parseObject(get(urls.credential(award.awardId())).body());
        browser = HeadlessChromium.start("fr");

        browser.get(local(urls.credentialPage(award.awardId())));

        assertThat(browser.getTitle()).isEqualTo(NAME + " — badge délivré par Open Lab " + award.lab());
        assertThat(attribute("html", "lang")).isEqualTo("fr");
        assertThat(text("#achievement-name")).isEqualTo(NAME);
        assertThat(text("#lab-link")).isEqualTo("Open Lab " + award.lab());
        assertThat(text("#verdict")).isEqualTo("Toutes les vérifications ont réussi : ce badge est authentique et "
                                               + "valide.");
        assertThat(checks()).containsOnlyKeys(CHECKS).allSatisfy((name, ok) -> assertThat(ok).as(name).isTrue());
        assertThat(text("li[data-check='status'] .sentence")).isEqualTo("Il n'est ni révoqué ni suspendu.");
        assertThat(browser.findElement(By.cssSelector("img.badge")).getDomAttribute("alt")).contains(NAME);
        assertThat(browser.findElements(By.cssSelector("#qr-code svg path"))).hasSize(1);
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();

        Map<String, String> linkedIn = query(attribute("#linkedin", "href"));
        Instant validFrom = Instant.parse(credential.path("validFrom").asText());
        ZonedDateTime issued = validFrom.atZone(ZoneOffset.UTC);
        assertThat(attribute("#linkedin", "href")).startsWith("https://www.linkedin.com/profile/add?");
        assertThat(linkedIn).containsEntry("startTask", "CERTIFICATION_NAME")
                .containsEntry("name", NAME)
                .containsEntry("organizationName", "Open Lab " + award.lab())
                .containsEntry("issueYear", Integer.toString(issued.getYear()))
                .containsEntry("issueMonth", Integer.toString(issued.getMonthValue()))
                .containsEntry("certUrl", urls.credentialPage(award.awardId()))
                .containsEntry("certId", credential.path("id").asText());
        if (credential.hasNonNull("validUntil")) {
            ZonedDateTime expires = Instant.parse(credential.path("validUntil").asText()).atZone(ZoneOffset.UTC);
            assertThat(linkedIn).containsEntry("expirationYear", Integer.toString(expires.getYear()))
                    .containsEntry("expirationMonth", Integer.toString(expires.getMonthValue()));
        }

        String ogImage = meta("og:image");
        HttpResponse<String> image = get(ogImage);
        assertThat(URI.create(ogImage).isAbsolute()).isTrue();
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(meta("og:url")).isEqualTo(urls.credentialPage(award.awardId()));
        assertThat(meta("og:title")).contains(NAME);

        browser.findElement(By.id("lang-en")).click();

        assertThat(attribute("html", "lang")).isEqualTo("en");
        assertThat(browser.getTitle()).isEqualTo(NAME + " — badge issued by Open Lab " + award.lab());
        assertThat(text("#verdict")).isEqualTo("Every check passed: this badge is genuine and valid.");
        assertThat(text("#verification")).isEqualTo("Verification");
        assertThat(text("li[data-check='signature'] .sentence"))
                .isEqualTo("The lab's digital signature is valid: the badge has not been altered.");

        revoke(award, "awarded by mistake");
        // The award's status and its list's bit are written one after the other: wait until the page shows both.
        await().atMost(READ_MODELS).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElements(By.id("status-alert"))).isNotEmpty();
            assertThat(checks()).containsEntry("status", false);
        });

        assertThat(text("#status-alert")).contains("This badge has been revoked by Open Lab " + award.lab())
                .contains("awarded by mistake");
        assertThat(checks()).containsEntry("status", false).containsEntry("signature", true);
        assertThat(text("li[data-check='status'] .sentence")).isEqualTo("It has been revoked by the lab.");
        assertThat(text("#verdict")).isEqualTo("1 of 7 checks failed: do not rely on this badge.");
    }

    @Test
    void anUnknownAwardIsAPageThatSaysSoInFrench() {
        browser = HeadlessChromium.start("fr");

        browser.get(local(urls.credentialPage("no-such-award")));

        assertThat(attribute("html", "lang")).isEqualTo("fr");
        assertThat(browser.getTitle()).isEqualTo("Badge introuvable");
        assertThat(text("h1")).isEqualTo("Badge introuvable");
        assertThat(text("main p")).contains("« no-such-award »");
    }

    /** Each check shown, by name, and whether the page shows it passed (✓) or failed (✗). */
    private Map<String, Boolean> checks() {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        for (WebElement item : browser.findElements(By.cssSelector("li[data-check]"))) {
            String mark = item.findElement(By.cssSelector(".mark")).getText();
            assertThat(mark).isIn("✓", "✗");
            checks.put(item.getDomAttribute("data-check"), mark.equals("✓"));
        }
        return checks;
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private String attribute(String css, String name) {
        return browser.findElement(By.cssSelector(css)).getDomAttribute(name);
    }

    private String meta(String property) {
        return attribute("meta[property='" + property + "']", "content");
    }

    private static Map<String, String> query(String url) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }
}
