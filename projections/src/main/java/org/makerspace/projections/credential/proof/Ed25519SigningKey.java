package org.makerspace.projections.credential.proof;

import com.google.crypto.tink.subtle.Ed25519Sign;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An Ed25519 private key (its 32-byte seed) with its public key. Signing is by the JDK; Ed25519 is deterministic,
 * so the same key and data always give the same signature. {@link #toString()} never shows the seed.
 */
public final class Ed25519SigningKey {

    /** The DER prefix of an Ed25519 PKCS#8 private key (RFC 8410) before the seed. */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] seed;
    private final Ed25519PublicKey publicKey;

    private Ed25519SigningKey(byte[] seed) {
        if (seed.length != Multikey.KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 private key has 32 bytes, not " + seed.length);
        }
        this.seed = seed.clone();
        try {
            this.publicKey = Ed25519PublicKey.of(Ed25519Sign.KeyPair.newKeyPairFromSeed(this.seed).getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive an Ed25519 public key", e);
        }
    }

    /** A new key from the system's strong random source. */
    public static Ed25519SigningKey generate() {
        byte[] seed = new byte[Multikey.KEY_LENGTH];
        RANDOM.nextBytes(seed);
        return new Ed25519SigningKey(seed);
    }

    public static Ed25519SigningKey fromSeed(byte[] seed) {
        return new Ed25519SigningKey(seed);
    }

    /** Reads a {@code privateKeyMultibase} value ({@code z3u2...}). */
    public static Ed25519SigningKey fromMultibase(String privateKeyMultibase) {
        return new Ed25519SigningKey(Multikey.decodePrivateKey(privateKeyMultibase));
    }

    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    public byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(toJdk());
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The secret seed, for encryption at rest and for JOSE signers only: never log or return it. */
    public byte[] exportSeed() {
        return seed.clone();
    }

    private PrivateKey toJdk() throws GeneralSecurityException {
        byte[] encoded = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + seed.length);
        System.arraycopy(seed, 0, encoded, PKCS8_PREFIX.length, seed.length);
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(encoded));
    }

    @Override
    public String toString() {
        return "Ed25519SigningKey[public=" + publicKey.multibase() + ", private=(hidden)]";
    }
}
