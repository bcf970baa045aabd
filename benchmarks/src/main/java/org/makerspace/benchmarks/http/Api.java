package org.makerspace.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The few API calls provisioning needs, failing loudly on any unexpected status. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    Api(URI base) {
        this.base = base;
    }

    JsonNode post(String path, String token, Object body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path, token, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                                            + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** Retries while the read models catch up with a command just sent (202/404/409 on the way). */
    JsonNode postEventually(String path, String token, Object body, int expected)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            HttpResponse<String> response = send(path, token, body);
            if (response.statusCode() == expected) {
                return JSON.readTree(response.body());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("POST " + path + " still answers " + response.statusCode() + ": "
                                                + response.body());
            }
            Thread.sleep(100);
        }
    }

    String login(String username, String password) throws IOException, InterruptedException {
        return post("/api/auth/login", null, Map.of("username", username, "password", password), 200)
                .path("token").asText();
    }

    private HttpResponse<String> send(String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
