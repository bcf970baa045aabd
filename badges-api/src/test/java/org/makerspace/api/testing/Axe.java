package org.makerspace.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, from its WebJar, run in the page the browser shows: the accessibility violations of impact « serious » or
 * « critical », each as "rule: what, where". Injected by the driver, so the pages' Content-Security-Policy (no inline
 * script) stays as strict in tests as in production.
 */
public final class Axe {

    private static final String SOURCE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String script;

    private Axe() {
    }

    public static List<String> seriousViolations(WebDriver browser) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript(script());
        Object result = page.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error',"
                + " impact: 'critical', help: String(e), nodes: []}])));");
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(String.valueOf(result))) {
                String impact = violation.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> where = new ArrayList<>();
                    violation.path("nodes").forEach(node -> where.add(node.path("target").toString()));
                    serious.add(violation.path("id").asText() + ": " + violation.path("help").asText() + " at "
                                + where);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return serious;
    }

    private static synchronized String script() {
        if (script == null) {
            try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(SOURCE + " is not on the test classpath (the axe-core WebJar)");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}
