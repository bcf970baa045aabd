package org.makerspace.machine.protocol;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The signed allowlist: a compact JWS (RFC 7515) whose header is {@code {"alg":"EdDSA","typ":"allowlist+jwt",
 * "kid":<verification method URL of the lab's key>}} and whose payload is {@link Allowlist#toJson()}. The explicit
 * {@code typ} keeps it apart from the credentials the same lab key signs (typ {@code JWT}): neither can be passed off
 * as the other.
 */
public final class AllowlistJws {

    /** The JOSE {@code typ} of a signed allowlist. */
    public static final String TYPE = "allowlist+jwt";
    /** The media type the server answers it with. */
    public static final String MEDIA_TYPE = "application/allowlist+jwt";

    static final JOSEObjectType JOSE_TYPE = new JOSEObjectType(TYPE);

    /** Makes an Ed25519 signature (RFC 8032) of the bytes it is given; the server's is the lab's key. */
    @FunctionalInterface
    public interface Ed25519Signer {
        byte[] sign(byte[] data);
    }

    private AllowlistJws() {
    }

    /** Signs the allowlist; {@code keyId} names the verification method a controller checks it with. */
    public static String sign(Allowlist allowlist, String keyId, Ed25519Signer signer) {
        Objects.requireNonNull(keyId, "keyId");
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(JOSE_TYPE).keyID(keyId).build();
        String signingInput = header.toBase64URL() + "."
                              + Base64URL.encode(allowlist.toJson().getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64URL.encode(signature);
    }
}
