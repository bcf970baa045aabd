package org.makerspace.controller.simulator;

import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import org.makerspace.machine.protocol.Allowlist;
import org.makerspace.machine.protocol.AllowlistJws;

/**
 * A lab's signing key as the server holds it, for tests: a fresh Ed25519 key pair, its public JWK as
 * {@code <kid>/jwk} publishes it, and allowlists signed with machine-protocol's own signing code.
 */
final class TestLab {

    final String labId;
    final String kid;
    private final KeyPair key;

    TestLab(String labId, String baseUrl) {
        this.labId = labId;
        this.kid = baseUrl + "/ob3/issuers/" + labId + "/keys/ed25519-" + Integer.toHexString(System.identityHashCode(this));
        this.key = generate();
    }

    String sign(Allowlist allowlist) {
        return AllowlistJws.sign(allowlist, kid, data -> signature(key, data));
    }

    /** The public key: the raw 32 bytes are the end of the X.509 encoding. */
    String jwk() {
        byte[] encoded = key.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + Base64URL.encode(raw) + "\",\"kid\":\"" + kid + "\"}";
    }

    /** The document with one byte of its payload changed, its signature left as it was. */
    static String tampered(String compact) {
        String[] parts = compact.split("\\.");
        byte[] payload = Base64URL.from(parts[1]).decode();
        String json = new String(payload, StandardCharsets.UTF_8);
        int at = json.indexOf("\"supervisionMinutes\":") + "\"supervisionMinutes\":".length();
        payload[at] = (byte) (payload[at] == '9' ? '8' : '9');
        return parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];
    }

    private static byte[] signature(KeyPair key, byte[] data) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
