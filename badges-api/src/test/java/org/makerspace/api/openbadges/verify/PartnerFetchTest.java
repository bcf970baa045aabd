package org.makerspace.api.openbadges.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Fetching from a partner stays small, short and on the partner's host: against a server on loopback. */
class PartnerFetchTest {

    private HttpServer server;
    private String base;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        int port = server.getAddress().getPort();
        base = "http://127.0.0.1:" + port;
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            switch (path) {
                case "/key" -> answer(exchange, 200, "{\"id\":\"key\"}");
                case "/large" -> answer(exchange, 200, "x".repeat(300 * 1024));
                case "/moved" -> redirect(exchange, "/key");
                case "/elsewhere" -> redirect(exchange, "http://localhost:" + port + "/key");
                case "/loop" -> redirect(exchange, "/loop");
                case "/slow" -> {
                    sleep(Duration.ofSeconds(2));
                    answer(exchange, 200, "{}");
                }
                default -> answer(exchange, 404, "not here");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static PartnerFetch loopbackAllowed() {
        return new PartnerFetch(VerifyProperties.Fetch.defaults(true));
    }

    @Test
    void fetchesTheDocument() throws FetchFailure {
        assertThat(loopbackAllowed().fetch(base + "/key#fragment")).isEqualTo("{\"id\":\"key\"}");
        assertThat(requests).containsExactly("/key");
    }

    @Test
    void fetchesOnlyHttpsUnlessPlainHttpToLoopbackIsAllowedForTests() {
        PartnerFetch production = new PartnerFetch(VerifyProperties.Fetch.defaults(false));

        assertThatThrownBy(() -> production.fetch(base + "/key"))
                .isInstanceOf(FetchFailure.class)
                .hasMessage("only https URLs are fetched, not " + base + "/key");
        assertThatThrownBy(() -> loopbackAllowed().fetch("http://192.0.2.10/key"))
                .hasMessage("only https URLs are fetched, not http://192.0.2.10/key");
        assertThatThrownBy(() -> loopbackAllowed().fetch("file:///etc/passwd"))
                .hasMessage("not an http(s) URL: file:///etc/passwd");
        assertThat(requests).isEmpty();
    }

    @Test
    void fetchesNothingFromHostsOnPrivateAddresses() {
        PartnerFetch production = new PartnerFetch(VerifyProperties.Fetch.defaults(false));

        for (String url : List.of("https://127.0.0.1/key", "https://10.1.2.3/key", "https://169.254.169.254/latest",
                                  "https://[fd00::1]/key", "https://no-such-host.invalid/key")) {
            assertThatThrownBy(() -> production.fetch(url))
                    .hasMessage("hosts on private or unknown addresses are not fetched: " + url);
        }
    }

    @Test
    void stopsReadingAtTheSizeLimit() {
        assertThatThrownBy(() -> loopbackAllowed().fetch(base + "/large"))
                .hasMessage(base + "/large sent more than " + DataSize.ofKilobytes(256).toBytes() + " bytes");
    }

    @Test
    void followsRedirectsOnTheSameHostOnly() throws FetchFailure {
        assertThat(loopbackAllowed().fetch(base + "/moved")).isEqualTo("{\"id\":\"key\"}");

        assertThatThrownBy(() -> loopbackAllowed().fetch(base + "/elsewhere"))
                .hasMessageContaining("redirected to another host");
        assertThatThrownBy(() -> loopbackAllowed().fetch(base + "/loop"))
                .hasMessage(base + "/loop redirected more than 3 times");
        assertThat(requests).filteredOn("/key"::equals).hasSize(1);
    }

    @Test
    void givesUpOnAPartnerThatAnswersTooSlowly() {
        PartnerFetch impatient = new PartnerFetch(new VerifyProperties.Fetch(
                Duration.ofMillis(200), Duration.ofMillis(300), DataSize.ofKilobytes(256), Duration.ofMinutes(5),
                Duration.ofMinutes(1), 3, true));

        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.fetch(base + "/slow")).hasMessageContaining("did not answer within");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void anythingButA200IsAFailure() {
        assertThatThrownBy(() -> loopbackAllowed().fetch(base + "/missing")).hasMessage(base + "/missing answered 404");
    }
}
