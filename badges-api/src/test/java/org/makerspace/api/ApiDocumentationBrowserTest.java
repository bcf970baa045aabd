package org.makerspace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The API documentation a newcomer is sent to at first start opens in a real browser and lists the API. */
class ApiDocumentationBrowserTest extends ApiIntegrationTestSupport {

    @LocalServerPort
    private int port;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void swaggerUiShowsTheLedgerOperationsWithoutLoggingIn() {
        browser = HeadlessChromium.start("fr");
        browser.get("http://localhost:" + port + "/swagger-ui.html");

        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(page -> !page.findElements(By.cssSelector(".opblock-tag")).isEmpty());
        String tags = browser.findElements(By.cssSelector(".opblock-tag")).stream()
                .map(element -> element.getText().toLowerCase())
                .reduce("", String::concat);
        assertThat(tags).contains("members").contains("labs").contains("machine access");
    }
}
