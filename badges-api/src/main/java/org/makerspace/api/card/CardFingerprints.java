package org.makerspace.api.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.makerspace.api.storage.DataDirectory;
import org.makerspace.ledger.storage.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a card UID into the keyed fingerprint the ledger stores instead of it. A card UID is short and guessable;
 * a plain hash could be reversed by trying every UID, a keyed hash (HMAC-SHA256 with a secret the database does not
 * hold) cannot.
 *
 * <p>Each lab has a card key of its own, derived from the installation's secret: a controller of that lab holds it
 * to fingerprint cards itself (to ask without sending the UID, and to decide offline from its allowlist), and a
 * controller that leaks it exposes that lab's cards only. One card has unrelated fingerprints in different labs.
 */
@Component
public class CardFingerprints {

    private static final Logger log = LoggerFactory.getLogger(CardFingerprints.class);
    /** The scheme: HMAC-SHA256 of the normalised UID under the lab's card key, in lowercase hex. */
    public static final String PREFIX = "cf2_";
    /** The installation's key in the data directory's secrets, when none is configured. */
    static final String KEY_FILE = "card-fingerprint.key";

    private final SecretKeySpec installationKey;

    CardFingerprints(DataDirectory dataDirectory, @Value("${ledger.card-fingerprint-key:}") String configuredKey) {
        this.installationKey = new SecretKeySpec(configuredKey.isBlank() ? keyFromDataDirectory(dataDirectory)
                                                         : Base64.getDecoder().decode(configuredKey), "HmacSHA256");
    }

    /** The fingerprint of a card in a lab; the UID is normalised (hex digits, case and separators ignored). */
    public String of(String labId, String cardUid) {
        return PREFIX + HexFormat.of().formatHex(hmac(labKey(labId), normalise(cardUid)));
    }

    /**
     * The fingerprint a controller computed itself ({@code cf2_} and 64 hex digits, or the 64 hex digits alone),
     * checked for shape only: a well-formed fingerprint of no card is simply unknown.
     */
    public static String ofHash(String cardHash) {
        String hex = cardHash.startsWith(PREFIX) ? cardHash.substring(PREFIX.length()) : cardHash;
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("cardHash must be 64 lowercase hex digits (HMAC-SHA256 of the card UID "
                                               + "under the lab's card key), optionally prefixed with " + PREFIX);
        }
        return PREFIX + hex;
    }

    /** The lab's card key, for the controllers of that lab only: what they fingerprint cards with. */
    public byte[] labKey(String labId) {
        return hmac(installationKey.getEncoded(), "lab-card-key\n" + labId);
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static String normalise(String cardUid) {
        if (cardUid == null) {
            throw new IllegalArgumentException("cardUid is required");
        }
        String hex = cardUid.replaceAll("[\\s:-]", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{8,64}")) {
            throw new IllegalArgumentException("cardUid must be 4 to 32 bytes in hexadecimal (separators ':' '-' allowed)");
        }
        return hex;
    }

    /**
     * Without a configured key, the key is kept in the data directory's secrets, readable by its owner only (and a
     * start refused if anyone else may read it). Several nodes on one MongoDB must share a configured
     * {@code ledger.card-fingerprint-key} instead.
     */
    private static byte[] keyFromDataDirectory(DataDirectory dataDirectory) {
        Path file = dataDirectory.secret(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            OwnerOnlyFiles.createFile(file);
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            log.info("Generated the card fingerprint key in {} (owner-only); back it up with the data", file);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the card fingerprint key " + file, e);
        }
    }
}
