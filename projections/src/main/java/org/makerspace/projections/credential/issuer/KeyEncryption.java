package org.makerspace.projections.credential.issuer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM of a private key under the master key. The stored text is {@code v1.} and base64 of a fresh 96-bit
 * nonce followed by the ciphertext and its 128-bit tag. The associated data binds the ciphertext to its key document
 * (key id, lab, public key), so a ciphertext copied into another document does not decrypt.
 */
final class KeyEncryption {

    private static final String VERSION = "v1.";
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyEncryption() {
    }

    static String encrypt(MasterKey master, byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, master, nonce, associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] stored = Arrays.copyOf(nonce, NONCE_LENGTH + sealed.length);
            System.arraycopy(sealed, 0, stored, NONCE_LENGTH, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption failed", e);
        }
    }

    /** The plaintext; a wrong master key, changed data or a moved ciphertext is an {@link IssuerKeyException}. */
    static byte[] decrypt(MasterKey master, String stored, String associatedData, String keyId) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new IssuerKeyException("the private key of " + keyId + " is not in a known encrypted form");
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, master, Arrays.copyOf(bytes, NONCE_LENGTH), associatedData);
            return cipher.doFinal(bytes, NONCE_LENGTH, bytes.length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new IssuerKeyException("the private key of " + keyId
                                         + " does not decrypt: wrong master key, or the key document was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM decryption failed", e);
        }
    }

    private static Cipher cipher(int mode, MasterKey master, byte[] nonce, String associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(master.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
