package org.makerspace.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.makerspace.api.testing.Axe;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff pages as a person uses them, in their words: log in, find a learner, open their passport. Elements are
 * found by their label or visible text; axe runs on every page opened.
 */
final class StaffPages {

    private final WebDriver browser;
    private final String base;
    /** Taps, selections and typed fields since the count was last reset: what a person on a phone does. */
    private int interactions;

    StaffPages(WebDriver browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    StaffPages logIn(String usernameLabel, String passwordLabel, String button, String username, String password) {
        browser.get(base + "/login");
        checkAccessibility();
        field(usernameLabel).sendKeys(username);
        field(passwordLabel).sendKeys(password);
        button(button).click();
        waitForPath("/app");
        checkAccessibility();
        return this;
    }

    /** Types the first letters in the field so labelled and submits, as Enter on a phone's keyboard does. */
    StaffPages findLearner(String fieldLabel, String typed) {
        WebElement field = field(fieldLabel);
        field.sendKeys(typed);
        field.sendKeys(Keys.ENTER);
        interactions++;
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(page -> !page.findElements(By.cssSelector(".results a")).isEmpty()
                               || !page.findElements(By.cssSelector("#results .notice")).isEmpty());
        checkAccessibility();
        return this;
    }

    StaffPages openLearner(String name) {
        browser.findElement(By.linkText(name)).click();
        interactions++;
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(page -> page.findElement(By.tagName("h1")).getText().equals(name));
        checkAccessibility();
        return this;
    }

    /** Follows the link with this text. */
    StaffPages follow(String link) {
        markPage();
        browser.findElement(By.linkText(link)).click();
        interactions++;
        awaitNextPage();
        checkAccessibility();
        return this;
    }

    /** Opens the disclosure with this summary, to reach the actions it holds. */
    StaffPages expand(String summary) {
        browser.findElement(By.xpath("//summary[normalize-space()='" + summary + "']")).click();
        interactions++;
        return this;
    }

    /** Types into the field so labelled. */
    StaffPages type(String label, String text) {
        field(label).sendKeys(text);
        interactions++;
        return this;
    }

    /** Types in the search field as a card reader does: the UID, then Enter; waits for the page it leads to. */
    StaffPages tapCard(String fieldLabel, String uid) {
        WebElement field = field(fieldLabel);
        field.sendKeys(uid);
        field.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(page -> page.getCurrentUrl().contains("/app/learners/"));
        checkAccessibility();
        return this;
    }

    /** Picks the option so labelled in the list so labelled, unless it is already the one chosen. */
    StaffPages choose(String listLabel, String option) {
        Select list = new Select(field(listLabel));
        if (!list.getFirstSelectedOption().getText().equals(option)) {
            list.selectByVisibleText(option);
            interactions++;
        }
        return this;
    }

    /** Taps the button so labelled and waits for the page it leads to. */
    StaffPages tap(String button) {
        markPage();
        button(button).click();
        interactions++;
        awaitNextPage();
        checkAccessibility();
        return this;
    }

    /** The confirmation, or the refusal, the page shows after an action. */
    String message() {
        return browser.findElement(By.cssSelector("[role=status], [role=alert]")).getText();
    }

    int interactions() {
        return interactions;
    }

    void resetInteractions() {
        interactions = 0;
    }

    String text() {
        return browser.findElement(By.tagName("main")).getText();
    }

    String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    void open(String path) {
        browser.get(base + path);
        checkAccessibility();
    }

    void checkAccessibility() {
        assertThat(Axe.seriousViolations(browser)).as("axe on %s", browser.getCurrentUrl()).isEmpty();
    }

    private WebElement field(String label) {
        WebElement labelled = browser.findElement(By.xpath("//label[normalize-space()='" + label + "']"));
        return browser.findElement(By.id(labelled.getAttribute("for")));
    }

    private WebElement button(String text) {
        return browser.findElement(By.xpath("//button[normalize-space()='" + text + "']"));
    }

    /** Marks the page shown now, so that {@link #awaitNextPage} knows when another one replaced it. */
    private void markPage() {
        ((JavascriptExecutor) browser).executeScript("window.shownBeforeTheAction = true;");
    }

    /** Waits for the page a form or link leads to; the browser may answer oddly while it swaps the pages. */
    private void awaitNextPage() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(page -> Boolean.TRUE.equals(((JavascriptExecutor) page).executeScript(
                        "return window.shownBeforeTheAction === undefined && document.readyState === 'complete';")));
    }

    private void waitForPath(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(page -> page.getCurrentUrl().replaceFirst("\\?.*", "").endsWith(path));
    }
}
