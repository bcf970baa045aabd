package org.makerspace.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** An HTTP answer as a test reads it: status, headers, and the body as JSON (a missing node when empty). */
public record Reply(int status, HttpHeaders headers, JsonNode body) {

    /** The text of a top-level field of the body, or {@code null}. */
    public String text(String field) {
        JsonNode node = body.path(field);
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    public MediaType contentType() {
        return headers.getContentType();
    }

    static Reply of(int status, HttpHeaders headers, JsonNode body) {
        return new Reply(status, headers, body == null ? MissingNode.getInstance() : body);
    }
}
