package org.makerspace.api.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A real HTTP client to the application under test. It never throws for a status: tests assert on the {@link Reply}.
 * Bodies are objects (sent as JSON) or raw strings (sent as they are, for malformed input).
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final RestClient client;

    public ApiClient(int port) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        this.client = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(http))
                .build();
    }

    public Reply get(String path, String token) {
        return send(HttpMethod.GET, path, token, null, null);
    }

    public Reply post(String path, String token, Object body) {
        return send(HttpMethod.POST, path, token, MediaType.APPLICATION_JSON, json(body));
    }

    public Reply put(String path, String token, Object body) {
        return send(HttpMethod.PUT, path, token, MediaType.APPLICATION_JSON, json(body));
    }

    /** Sends exactly this body with exactly this content type; {@code token} may be null, or a raw header value with {@code "Bearer "}. */
    public Reply send(HttpMethod method, String path, String token, MediaType contentType, String body) {
        return send(method, path, token, contentType, body, HttpHeaders.EMPTY);
    }

    /** As {@link #send(HttpMethod, String, String, MediaType, String)}, with these headers too. */
    public Reply send(HttpMethod method, String path, String token, MediaType contentType, String body,
                      HttpHeaders headers) {
        RestClient.RequestBodySpec request = client.method(method).uri(path);
        request.headers(sent -> sent.addAll(headers));
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (body != null) {
            request.body(body);
        }
        return request.exchange((sent, response) -> Reply.of(response.getStatusCode().value(), response.getHeaders(),
                                                             read(response.getHeaders().getContentType(),
                                                                  response.getBody())));
    }

    /** Sends these bytes as they are (an image, say) with this content type; {@code token} may be null. */
    public Reply sendBytes(HttpMethod method, String path, String token, MediaType contentType, byte[] body) {
        RestClient.RequestBodySpec request = client.method(method).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        request.contentType(contentType).body(body);
        return request.exchange((sent, response) -> Reply.of(response.getStatusCode().value(), response.getHeaders(),
                                                             read(response.getHeaders().getContentType(),
                                                                  response.getBody())));
    }

    private static String json(Object body) {
        if (body == null || body instanceof String) {
            return (String) body;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** JSON bodies as a tree, any other body as one text node. */
    private static JsonNode read(MediaType contentType, InputStream body) {
        try {
            byte[] bytes = body.readAllBytes();
            if (bytes.length == 0) {
                return null;
            }
            boolean json = contentType != null && contentType.getSubtype().endsWith("json");
            return json ? JSON.readTree(bytes) : TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
