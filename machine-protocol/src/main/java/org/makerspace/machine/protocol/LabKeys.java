package org.makerspace.machine.protocol;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lab's public keys a controller trusts, by verification method URL (the JWS {@code kid}). A controller gets them
 * once online, from the server it is set up with: {@code GET <kid>/jwk} answers the key as an OKP JWK whose
 * {@code kid} is that URL. Every key a lab ever had stays published, so a controller may fetch the one a newer
 * document names; which server it trusts for that is its own configuration, never the document's say.
 */
public final class LabKeys {

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410) before the raw 32-byte key. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final Map<String, PublicKey> keys;

    private LabKeys(Map<String, PublicKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    public static LabKeys none() {
        return new LabKeys(Map.of());
    }

    /** Reads public JWKs as {@code /ob3/issuers/{labId}/keys/{keyId}/jwk} serves them. */
    public static LabKeys fromJwks(String... jwks) {
        LabKeys keys = none();
        for (String jwk : jwks) {
            keys = keys.withJwk(jwk);
        }
        return keys;
    }

    /** These keys and the OKP Ed25519 JWK given, under its {@code kid}; private parts, if any, are ignored. */
    public LabKeys withJwk(String jwk) {
        JWK parsed;
        try {
            parsed = JWK.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWK: " + e.getMessage(), e);
        }
        if (!(parsed instanceof OctetKeyPair okp) || !Curve.Ed25519.equals(okp.getCurve())) {
            throw new IllegalArgumentException("a lab key is an OKP JWK on curve Ed25519, not " + parsed.getKeyType()
                                               + " " + (parsed instanceof OctetKeyPair okp ? okp.getCurve() : ""));
        }
        if (parsed.getKeyID() == null) {
            throw new IllegalArgumentException("the JWK has no kid: it must name its verification method");
        }
        return with(parsed.getKeyID(), okp.getX().decode());
    }

    /** These keys and the raw Ed25519 public key given, under {@code keyId}. */
    public LabKeys with(String keyId, byte[] rawPublicKey) {
        Map<String, PublicKey> more = new LinkedHashMap<>(keys);
        more.put(keyId, ed25519(rawPublicKey));
        return new LabKeys(more);
    }

    public Optional<PublicKey> find(String keyId) {
        return Optional.ofNullable(keyId == null ? null : keys.get(keyId));
    }

    static PublicKey ed25519(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }
}
