package org.makerspace.projections.credential.proof;

import com.apicatalog.multibase.Multibase;
import java.util.Arrays;

/**
 * Multikey encoding of Ed25519 keys: a multicodec header ({@code 0xed 0x01} for a public key, {@code 0x80 0x26} for
 * a private key) before the raw 32 bytes, written as base58-btc multibase (a leading {@code z}).
 */
public final class Multikey {

    static final byte[] ED25519_PUBLIC = {(byte) 0xed, 0x01};
    static final byte[] ED25519_PRIVATE = {(byte) 0x80, 0x26};
    static final int KEY_LENGTH = 32;

    private Multikey() {
    }

    public static String encodePublicKey(byte[] raw) {
        return encode(ED25519_PUBLIC, raw);
    }

    public static byte[] decodePublicKey(String multibase) {
        return decode(ED25519_PUBLIC, multibase, "an Ed25519 public key");
    }

    public static String encodePrivateKey(byte[] seed) {
        return encode(ED25519_PRIVATE, seed);
    }

    public static byte[] decodePrivateKey(String multibase) {
        return decode(ED25519_PRIVATE, multibase, "an Ed25519 private key");
    }

    /** Base58-btc multibase of arbitrary bytes, as a proof value is written. */
    public static String base58btc(byte[] bytes) {
        return Multibase.BASE_58_BTC.encode(bytes);
    }

    /** The bytes of a base58-btc multibase value; any other base is refused. */
    public static byte[] fromBase58btc(String multibase) {
        if (multibase == null || !Multibase.BASE_58_BTC.isEncoded(multibase)) {
            throw new IllegalArgumentException("not a base58-btc multibase value (it must start with 'z')");
        }
        return Multibase.BASE_58_BTC.decode(multibase);
    }

    private static String encode(byte[] header, byte[] raw) {
        if (raw.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 key has 32 bytes, not " + raw.length);
        }
        byte[] prefixed = Arrays.copyOf(header, header.length + raw.length);
        System.arraycopy(raw, 0, prefixed, header.length, raw.length);
        return base58btc(prefixed);
    }

    private static byte[] decode(byte[] header, String multibase, String what) {
        byte[] bytes = fromBase58btc(multibase);
        if (bytes.length != header.length + KEY_LENGTH
                || !Arrays.equals(Arrays.copyOf(bytes, header.length), header)) {
            throw new IllegalArgumentException("not the Multikey of " + what);
        }
        return Arrays.copyOfRange(bytes, header.length, bytes.length);
    }
}
