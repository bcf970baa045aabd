package org.makerspace.api.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.makerspace.api.testing.ApiClient;
import org.makerspace.api.testing.Reply;
import org.makerspace.api.testing.SseClient;
import org.makerspace.machine.protocol.Allowlist;
import org.makerspace.machine.protocol.AllowlistRejected;
import org.makerspace.machine.protocol.AllowlistVerifier;
import org.makerspace.machine.protocol.LabKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * What a controller box does over HTTP, as the machine-protocol module lets a real one do it: set up with its key and
 * the lab's card key, it fingerprints cards, fetches its signed allowlist, fetches the lab's key the document names
 * from the server's published key documents, verifies the list with it, and opens its stream.
 */
final class ControllerBox {

    final String machineId;
    final String key;
    private final byte[] cardKey;
    private final ApiClient api;
    private final int port;

    ControllerBox(ApiClient api, int port, String machineId, Reply setup) {
        assertThat(setup.status()).as("issuing the controller's key: %s", setup.body()).isEqualTo(201);
        this.api = api;
        this.port = port;
        this.machineId = machineId;
        this.key = setup.text("key");
        this.cardKey = Base64.getDecoder().decode(setup.text("cardKey"));
    }

    /** What a controller computes from a UID: cf2_ and HMAC-SHA256 of the UID as lowercase hex without separators. */
    String fingerprint(String uid) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cardKey, "HmacSHA256"));
            byte[] hmac = mac.doFinal(uid.replace(":", "").toLowerCase().getBytes(StandardCharsets.UTF_8));
            return "cf2_" + HexFormat.of().formatHex(hmac);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Reply fetch(String ifNoneMatch) {
        return api.send(HttpMethod.GET, "/api/machines/" + machineId + "/allowlist", key, null, null,
                        ifNoneMatch == null ? HttpHeaders.EMPTY : headers(HttpHeaders.IF_NONE_MATCH, ifNoneMatch));
    }

    /** The current list, fetched and verified with the lab's published key. */
    Allowlist verifiedAllowlist() throws AllowlistRejected {
        Reply reply = fetch(null);
        assertThat(reply.status()).as("the allowlist: %s", reply.body()).isEqualTo(200);
        return verify(reply.body().asText());
    }

    Allowlist verify(String compact) throws AllowlistRejected {
        return new AllowlistVerifier(labKeysNamedBy(compact)).verify(compact, machineId, Instant.now());
    }

    /**
     * The key the document names, from the server: its kid is the verification method URL, and {@code <kid>/jwk} the
     * public JWK. (Tests run on a random port the configured public base URL does not know, hence the path only.)
     */
    LabKeys labKeysNamedBy(String compact) {
        String header = new String(Base64.getUrlDecoder().decode(compact.substring(0, compact.indexOf('.'))),
                                   StandardCharsets.UTF_8);
        String kid = header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
        Reply jwk = api.get(URI.create(kid).getPath() + "/jwk", null);
        assertThat(jwk.status()).as("the lab's key %s", kid).isEqualTo(200);
        return LabKeys.fromJwks(jwk.body().toString());
    }

    SseClient stream() {
        return SseClient.open(port, "/api/machines/" + machineId + "/stream", key);
    }

    private static HttpHeaders headers(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(name, value);
        return headers;
    }
}
