package org.makerspace.projections.credential.proof;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** An Ed25519 public key: its raw 32 bytes, its Multikey form, and signature verification (by the JDK). */
public final class Ed25519PublicKey {

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410) before the raw key. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final byte[] raw;

    private Ed25519PublicKey(byte[] raw) {
        if (raw.length != Multikey.KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        this.raw = raw.clone();
    }

    public static Ed25519PublicKey of(byte[] raw) {
        return new Ed25519PublicKey(raw);
    }

    /** Reads a {@code publicKeyMultibase} value ({@code z6Mk...}). */
    public static Ed25519PublicKey fromMultibase(String publicKeyMultibase) {
        return new Ed25519PublicKey(Multikey.decodePublicKey(publicKeyMultibase));
    }

    public byte[] raw() {
        return raw.clone();
    }

    public String multibase() {
        return Multikey.encodePublicKey(raw);
    }

    public PublicKey toJdk() {
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot read an Ed25519 public key", e);
        }
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code data}; malformed input is simply false. */
    public boolean verifies(byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(toJdk());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519PublicKey key && Arrays.equals(raw, key.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return multibase();
    }
}
